import { and, eq, ne } from 'drizzle-orm';
import { executor } from '../../platform/access/context.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { normalizePhone } from '../../platform/normalize/phone.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { registerRecordType } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { isValidCreditCode, normalizeCreditCode } from './credit-code.js';
import { accounts } from './customers.schema.js';

export interface Account extends ApiRecord {
  name: string;
  creditCode: string | null;
  industry: string | null;
  registeredCapital: Money | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  website: string | null;
  phone: string | null;
  parentAccountId: string | null;
  segment: AccountSegment | null;
  ownerId: string;
  ownerName?: string | null;
}

/** Key accounts, mid-market, SMB/channel: the team that serves an account, and the accounts coverage analytics watch. */
export const ACCOUNT_SEGMENTS = ['key', 'mid_market', 'smb'] as const;
export type AccountSegment = (typeof ACCOUNT_SEGMENTS)[number];

export const accountStore = new RecordStore<Account>({
  object: 'accounts',
  table: accounts,
  ownerColumn: accounts.ownerId,
  sortable: { name: accounts.name, createdAt: accounts.createdAt, updatedAt: accounts.updatedAt },
  defaultSort: '-createdAt',
  filters: {
    industry: accounts.industry,
    province: accounts.province,
    city: accounts.city,
    region: accounts.region,
    ownerId: accounts.ownerId,
    parentAccountId: accounts.parentAccountId,
    creditCode: accounts.creditCode,
    segment: accounts.segment,
  },
  searchColumns: [accounts.name, accounts.creditCode],
  unique: { accounts_credit_code_uq: 'creditCode' },
  references: { parentAccountId: { table: accounts }, ownerId: { table: users } },
  toApi: (r) => ({
    name: r.name as string,
    creditCode: (r.creditCode as string | null) ?? null,
    industry: (r.industry as string | null) ?? null,
    registeredCapital: moneyFromColumns(r.registeredCapital, r.registeredCapitalCurrency),
    headcount: (r.headcount as number | null) ?? null,
    province: (r.province as string | null) ?? null,
    city: (r.city as string | null) ?? null,
    region: (r.region as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    website: (r.website as string | null) ?? null,
    phone: (r.phone as string | null) ?? null,
    parentAccountId: (r.parentAccountId as string | null) ?? null,
    segment: (r.segment as AccountSegment | null) ?? null,
    ownerId: r.ownerId as string,
  }),
  toColumns: (input) => {
    const capital = input.registeredCapital as Money | null | undefined;
    const phone = trimmedOrNull(input.phone);
    return {
      name: trimmedOrNull(input.name),
      creditCode: typeof input.creditCode === 'string' ? normalizeCreditCode(input.creditCode) || null : input.creditCode,
      industry: trimmedOrNull(input.industry),
      registeredCapital: capital === undefined ? undefined : capital?.amount ?? null,
      registeredCapitalCurrency: capital === undefined ? undefined : capital?.currency ?? null,
      headcount: input.headcount,
      province: trimmedOrNull(input.province),
      city: trimmedOrNull(input.city),
      region: trimmedOrNull(input.region),
      address: trimmedOrNull(input.address),
      website: trimmedOrNull(input.website),
      phone: phone ? (normalizePhone(phone) ?? phoneError(phone)) : phone,
      parentAccountId: input.parentAccountId,
      segment: input.segment,
      ownerId: input.ownerId,
    };
  },
  async validate(ctx, next, existing) {
    const code = next.creditCode as string | null;
    if (!code || code === existing?.creditCode) return;
    if (!isValidCreditCode(code)) throw fieldError('creditCode', 'INVALID_CREDIT_CODE');
    // Tell who already has the code, so the user can find that account instead of a twin.
    const conditions = [eq(accounts.tenantId, ctx.tenantId), eq(accounts.creditCode, code)];
    if (existing) conditions.push(ne(accounts.id, existing.id as string));
    const [twin] = await executor(ctx).select({ id: accounts.id, name: accounts.name }).from(accounts).where(and(...conditions));
    if (twin) throw new AppError(409, 'DUPLICATE_CREDIT_CODE', { name: twin.name }, { field: 'creditCode', accountId: twin.id });
  },
});

registerRecordType('accounts', {
  store: accountStore,
  describe: (a) => ({ title: a.name, subtitle: [a.city, a.industry].filter(Boolean).join(' · ') || undefined }),
});

function phoneError(phone: string): never {
  throw fieldError('phone', 'INVALID_PHONE', { phone });
}
