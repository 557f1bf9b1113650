import { useCallback, useMemo, useState } from 'react';
import { readStoredJson, writeStorage } from './local-storage';
import { isStringArray, resolveVisibleColumns, toggleColumn } from './column-visibility';

export interface ColumnVisibility {
  visible: string[];
  toggle: (key: string) => void;
  reset: () => void;
}

/** The column chooser's state for one table, remembered in localStorage under `l2c.columns.<tableId>`. */
export function useColumnVisibility(
  tableId: string,
  allKeys: readonly string[],
  defaultKeys: readonly string[],
  lockedKeys: readonly string[],
): ColumnVisibility {
  const storageKey = `l2c.columns.${tableId}`;
  const [stored, setStored] = useState<string[] | null>(() => readStoredJson(storageKey, isStringArray));
  const visible = useMemo(
    () => resolveVisibleColumns(stored, allKeys, defaultKeys, lockedKeys),
    [stored, allKeys, defaultKeys, lockedKeys],
  );
  const toggle = useCallback(
    (key: string) => {
      const next = toggleColumn(visible, key, allKeys);
      writeStorage(storageKey, JSON.stringify(next));
      setStored(next);
    },
    [visible, allKeys, storageKey],
  );
  const reset = useCallback(() => {
    writeStorage(storageKey, JSON.stringify(defaultKeys));
    setStored([...defaultKeys]);
  }, [defaultKeys, storageKey]);
  return { visible, toggle, reset };
}
