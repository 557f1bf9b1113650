import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { levelFor } from '../../platform/access/permissions.js';
import { ownerCondition } from '../../platform/access/visibility.js';
import { ValidationError } from '../../platform/http/errors.js';
import { normalizePhone } from '../../platform/normalize/phone.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { accounts, contacts } from './customers.schema.js';

export interface Contact extends ApiRecord {
  accountId: string | null;
  accountName?: string | null;
  name: string;
  title: string | null;
  department: string | null;
  phones: string[];
  email: string | null;
  wechat: string | null;
  reportsToId: string | null;
  ownerId: string;
  ownerName?: string | null;
}

/** Phones are kept in E.164; one invalid number refuses the whole write with the number named. */
function normalizePhones(phones: unknown): string[] | undefined {
  if (!Array.isArray(phones)) return undefined;
  const bad = phones.filter((p: string) => !normalizePhone(p));
  if (bad.length > 0) {
    throw new ValidationError(bad.map((phone: string) => ({ field: 'phones', code: 'INVALID_PHONE', params: { phone } })));
  }
  return [...new Set(phones.map((p: string) => normalizePhone(p)!))];
}

export const contactStore = new RecordStore<Contact>({
  object: 'contacts',
  table: contacts,
  ownerColumn: contacts.ownerId,
  sortable: { name: contacts.name, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt },
  defaultSort: '-createdAt',
  filters: { accountId: contacts.accountId, ownerId: contacts.ownerId, email: contacts.email, reportsToId: contacts.reportsToId },
  searchColumns: [contacts.name, contacts.email, contacts.title],
  references: {
    accountId: { table: accounts },
    reportsToId: { table: contacts },
    ownerId: { table: users },
  },
  toApi: (r) => ({
    accountId: (r.accountId as string | null) ?? null,
    name: r.name as string,
    title: (r.title as string | null) ?? null,
    department: (r.department as string | null) ?? null,
    phones: (r.phones as string[]) ?? [],
    email: (r.email as string | null) ?? null,
    wechat: (r.wechat as string | null) ?? null,
    reportsToId: (r.reportsToId as string | null) ?? null,
    ownerId: r.ownerId as string,
  }),
  toColumns: (input) => ({
    accountId: input.accountId,
    name: trimmedOrNull(input.name),
    title: trimmedOrNull(input.title),
    department: trimmedOrNull(input.department),
    phones: normalizePhones(input.phones),
    email: typeof input.email === 'string' ? input.email.trim().toLowerCase() || null : input.email,
    wechat: trimmedOrNull(input.wechat),
    reportsToId: input.reportsToId,
    ownerId: input.ownerId,
  }),
  decorate: addAccountNames,
});

registerRecordType('contacts', {
  store: contactStore,
  describe: (c) => ({ title: c.name, subtitle: [c.title, c.accountName].filter(Boolean).join(' · ') || undefined }),
});

/**
 * Adds `accountName` to a page of records that point at accounts, with one query: the name of
 * an account the reader may see, null for one they may not (the id alone tells nothing).
 */
export async function addAccountNames(ctx: RequestContext, records: { accountId?: string | null; accountName?: string | null }[]) {
  const ids = [...new Set(records.map((r) => r.accountId).filter((id): id is string => !!id))];
  const level = levelFor(ctx.permissions, 'accounts', 'read');
  const rows = ids.length === 0 || level === 'none'
    ? []
    : await executor(ctx)
      .select({ id: accounts.id, name: accounts.name })
      .from(accounts)
      .where(and(eq(accounts.tenantId, ctx.tenantId), inArray(accounts.id, ids), ownerCondition(ctx, level, accounts.ownerId)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const record of records) record.accountName = record.accountId ? (names.get(record.accountId) ?? null) : null;
}

/**
 * The contact of an account the caller can see that is this person by e-mail (case-insensitive)
 * or phone (E.164): an e-mail match before a phone match, the oldest first; null when none.
 */
export async function findAccountContact(
  ctx: RequestContext,
  accountId: string,
  person: { email?: string | null; phone?: string | null },
): Promise<Contact | null> {
  const email = person.email?.trim().toLowerCase() || null;
  const phone = person.phone ? normalizePhone(person.phone) : null;
  const matches = [email ? eq(contacts.email, email) : undefined, phone ? sql`${phone} = ANY(${contacts.phones})` : undefined]
    .filter((m) => m !== undefined);
  if (matches.length === 0) return null;
  const [row] = await executor(ctx)
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(contactStore.scope(ctx), eq(contacts.accountId, accountId), or(...matches)))
    .orderBy(sql`CASE WHEN ${contacts.email} = ${email ?? ''} THEN 0 ELSE 1 END`, asc(contacts.createdAt), asc(contacts.id))
    .limit(1);
  return row ? contactStore.get(ctx, row.id) : null;
}
