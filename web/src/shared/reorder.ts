/** The list with the item at `from` moved to `to` (indexes into the original list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** The list after dropping the item with id `activeId` on the item with id `overId`. */
export function moveById<T extends { id: string }>(items: readonly T[], activeId: string, overId: string | null): T[] {
  if (!overId) return [...items];
  return moveItem(items, items.findIndex((i) => i.id === activeId), items.findIndex((i) => i.id === overId));
}
