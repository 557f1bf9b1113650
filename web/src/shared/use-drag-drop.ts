import type { CSSProperties } from 'react';
import { KeyboardSensor, PointerSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';

/**
 * Mouse, touch and keyboard dragging as the app does it everywhere: a pointer drag starts after a
 * few pixels (so a click stays a click), a touch drag after a short press (so a finger can still
 * scroll the page).
 */
export function useDragSensors(touchDelay = 200) {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: touchDelay, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );
}

/** An item that can be dragged and also dropped upon (a stage onto a stage, a person onto their new manager). */
export function useDragDropItem(id: string, disabled: boolean) {
  const drag = useDraggable({ id, disabled });
  const drop = useDroppable({ id, disabled });
  const style: CSSProperties | undefined = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)`, zIndex: 5 }
    : undefined;
  return {
    setNodeRef: (el: HTMLElement | null) => {
      drag.setNodeRef(el);
      drop.setNodeRef(el);
    },
    style,
    listeners: drag.listeners,
    attributes: drag.attributes,
    isDragging: drag.isDragging,
    /** Something else is being held over this item. */
    isOver: drop.isOver && !drag.isDragging,
  };
}
