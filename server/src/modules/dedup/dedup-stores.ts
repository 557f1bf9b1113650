import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { recordType } from '../../platform/records/record-registry.js';
import type { ApiRecord, RecordStore } from '../../platform/records/record-store.js';
import { accountStore } from '../customers/accounts.service.js';
import { contactStore } from '../customers/contacts.service.js';
import { leadStore } from '../leads/leads.service.js';
import type { DedupObject } from './party-of-record.js';

/** The stores of the records duplicate detection reads: every read goes through them (tenant, visibility). */
export const DEDUP_STORES: Record<DedupObject, RecordStore<ApiRecord>> = {
  leads: leadStore as unknown as RecordStore<ApiRecord>,
  accounts: accountStore as unknown as RecordStore<ApiRecord>,
  contacts: contactStore as unknown as RecordStore<ApiRecord>,
};

/** The objects a record's candidates come from: a lead may already be a contact or belong to an account. */
export const CANDIDATE_OBJECTS: Record<DedupObject, readonly DedupObject[]> = {
  leads: ['leads', 'accounts', 'contacts'],
  accounts: ['accounts', 'leads'],
  contacts: ['contacts', 'leads'],
};

interface StoreColumns {
  id: AnyPgColumn;
  version: AnyPgColumn;
}

/** The id and version columns of a store's table, for conditions on "this record" in the index queries. */
export const storeColumns = (object: DedupObject) => DEDUP_STORES[object].def.table as unknown as StoreColumns;

/** The ids of the records of `object` the caller can see, as a subquery (the store's own scope). */
export function visibleIds(ctx: RequestContext, object: DedupObject) {
  const store = DEDUP_STORES[object];
  return executor(ctx).select({ id: storeColumns(object).id }).from(store.def.table).where(store.scope(ctx));
}

/** How a record shows in lists (the title and subtitle its module registered). */
export function describeRecord(object: DedupObject, record: ApiRecord): { title: string; subtitle?: string } {
  return recordType(object)?.describe(record) ?? { title: String(record.name ?? record.id) };
}

/** Loads visible records by id in chunks, keeping the store's visibility; missing or invisible ids are left out. */
export async function loadRecords(ctx: RequestContext, object: DedupObject, ids: readonly string[]): Promise<Map<string, ApiRecord>> {
  const out = new Map<string, ApiRecord>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const record of await DEDUP_STORES[object].getMany(ctx, unique.slice(i, i + 500))) out.set(record.id, record);
  }
  return out;
}
