export type SortOrder = 'ascend' | 'descend';

export interface SortState {
  field: string;
  order: SortOrder;
}

/** `{ field: 'createdAt', order: 'descend' }` → "-createdAt". */
export function toSortParam(sort: SortState | null): string | undefined {
  if (!sort) return undefined;
  return sort.order === 'descend' ? `-${sort.field}` : sort.field;
}

/** "-createdAt" → `{ field: 'createdAt', order: 'descend' }`; empty or malformed → null. */
export function parseSortParam(param: string | null | undefined): SortState | null {
  if (!param) return null;
  const descending = param.startsWith('-');
  const field = descending ? param.slice(1) : param;
  if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(field)) return null;
  return { field, order: descending ? 'descend' : 'ascend' };
}
