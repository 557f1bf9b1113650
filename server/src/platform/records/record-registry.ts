import type { RequestContext } from '../access/context.js';
import type { ApiRecord, RecordStore } from './record-store.js';

/**
 * Modules register their record types here so platform features that span objects (notes on
 * any record, global search, the timeline) reach them through the store, with its visibility.
 */
export interface RecordType<T extends ApiRecord = ApiRecord> {
  store: RecordStore<T>;
  /** How a record shows in search results and links. */
  describe(record: T): { title: string; subtitle?: string };
}

const types = new Map<string, RecordType>();

export function registerRecordType<T extends ApiRecord>(object: string, type: RecordType<T>) {
  types.set(object, type as unknown as RecordType);
}

export const recordType = (object: string) => types.get(object);

export const recordTypes = () => [...types.entries()];

/** The record if it exists and the caller can see it; throws NOT_FOUND otherwise. */
export async function getVisibleRecord(ctx: RequestContext, object: string, id: string): Promise<ApiRecord | null> {
  const type = types.get(object);
  return type ? type.store.get(ctx, id) : null;
}
