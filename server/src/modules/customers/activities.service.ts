import { and, eq, inArray } from 'drizzle-orm';
import { executor } from '../../platform/access/context.js';
import { fieldError } from '../../platform/http/errors.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import { addAccountNames } from './contacts.service.js';
import { accounts, activities, contacts, type CheckIn } from './customers.schema.js';

export const ACTIVITY_TYPES = ['visit', 'call', 'meeting', 'email', 'task'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;

export interface Activity extends ApiRecord {
  type: (typeof ACTIVITY_TYPES)[number];
  subject: string;
  accountId: string | null;
  accountName?: string | null;
  contactIds: string[];
  opportunityId: string | null;
  leadId: string | null;
  startAt: string | null;
  endAt: string | null;
  dueAt: string | null;
  /** When the owner is reminded; null: no reminder. */
  remindAt: string | null;
  status: (typeof ACTIVITY_STATUSES)[number];
  outcome: string | null;
  nextStep: string | null;
  checkIn: CheckIn | null;
  ownerId: string;
  ownerName?: string | null;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);
const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : (v as null | undefined));

export const activityStore = new RecordStore<Activity>({
  object: 'activities',
  table: activities,
  ownerColumn: activities.ownerId,
  sortable: { createdAt: activities.createdAt, updatedAt: activities.updatedAt },
  defaultSort: '-createdAt',
  filters: {
    accountId: activities.accountId,
    type: activities.type,
    status: activities.status,
    ownerId: activities.ownerId,
    opportunityId: activities.opportunityId,
    leadId: activities.leadId,
  },
  searchColumns: [activities.subject, activities.outcome],
  references: { accountId: { table: accounts }, ownerId: { table: users } },
  toApi: (r) => ({
    type: r.type as Activity['type'],
    subject: r.subject as string,
    accountId: (r.accountId as string | null) ?? null,
    contactIds: (r.contactIds as string[]) ?? [],
    opportunityId: (r.opportunityId as string | null) ?? null,
    leadId: (r.leadId as string | null) ?? null,
    startAt: iso(r.startAt),
    endAt: iso(r.endAt),
    dueAt: iso(r.dueAt),
    remindAt: iso(r.remindAt),
    status: r.status as Activity['status'],
    outcome: (r.outcome as string | null) ?? null,
    nextStep: (r.nextStep as string | null) ?? null,
    checkIn: (r.checkIn as CheckIn | null) ?? null,
    ownerId: r.ownerId as string,
  }),
  toColumns: (input) => ({
    type: input.type,
    subject: typeof input.subject === 'string' ? input.subject.trim() : undefined,
    accountId: input.accountId,
    contactIds: input.contactIds,
    opportunityId: input.opportunityId,
    leadId: input.leadId,
    startAt: date(input.startAt),
    endAt: date(input.endAt),
    dueAt: date(input.dueAt),
    remindAt: date(input.remindAt),
    status: input.status,
    outcome: input.outcome,
    nextStep: input.nextStep,
    checkIn: input.checkIn,
    ownerId: input.ownerId,
  }),
  async validate(ctx, next) {
    const start = next.startAt as Date | null;
    const end = next.endAt as Date | null;
    if (start && end && end < start) throw fieldError('endAt', 'FIELD_INVALID');
    const ids = (next.contactIds as string[] | undefined) ?? [];
    if (ids.length === 0) return;
    const found = await executor(ctx)
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.tenantId, ctx.tenantId), inArray(contacts.id, ids)));
    if (found.length !== new Set(ids).size) throw fieldError('contactIds', 'REFERENCE_NOT_FOUND', { field: 'contactIds' });
  },
  decorate: addAccountNames,
});
