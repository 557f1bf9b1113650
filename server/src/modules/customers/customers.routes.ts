import { Type } from 'typebox';
import { registerResourceRoutes, type ResourceRoutes } from '../../platform/http/resource-routes.js';
import type { ApiRecord, RecordStore } from '../../platform/records/record-store.js';
import { IdParams, Money, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { ACCOUNT_SEGMENTS, accountStore } from './accounts.service.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, activityStore } from './activities.service.js';
import { contactStore } from './contacts.service.js';
import { noteStore } from './notes.service.js';
import { accountTimeline } from './timeline.service.js';
import { createActivity, updateActivity } from './activity-reminders.service.js';
import { registerAgendaRoutes } from './activity-agenda.routes.js';

const Str = (maxLength: number) => Type.String({ maxLength });
const OptionalNullable = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const owned = { ownerId: Uuid, ownerName: Type.Optional(Nullable(Type.String())) };

/** Writable fields of an account; `name` is required on create only. */
const accountFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  creditCode: OptionalNullable(Type.String({ maxLength: 30, description: '统一社会信用代码, 18 characters' })),
  industry: OptionalNullable(Str(100)),
  registeredCapital: OptionalNullable(Money),
  headcount: OptionalNullable(Type.Integer({ minimum: 0 })),
  province: OptionalNullable(Str(50)),
  city: OptionalNullable(Str(50)),
  region: OptionalNullable(Str(50)),
  address: OptionalNullable(Str(300)),
  website: OptionalNullable(Type.String({ format: 'uri', maxLength: 300 })),
  phone: OptionalNullable(Str(40)),
  parentAccountId: OptionalNullable(Uuid),
  segment: OptionalNullable(literals(ACCOUNT_SEGMENTS)),
  ownerId: Type.Optional(Uuid),
};

const contactFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  accountId: OptionalNullable(Uuid),
  title: OptionalNullable(Str(100)),
  department: OptionalNullable(Str(100)),
  phones: Type.Optional(Type.Array(Str(40), { maxItems: 10 })),
  email: OptionalNullable(Type.String({ format: 'email', maxLength: 254 })),
  wechat: OptionalNullable(Str(100)),
  reportsToId: OptionalNullable(Uuid),
  ownerId: Type.Optional(Uuid),
};

const CheckIn = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    at: Type.String({ format: 'date-time' }),
    address: Type.Optional(Str(300)),
  },
  { additionalProperties: false },
);
const activityFields = {
  type: literals(ACTIVITY_TYPES),
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  accountId: OptionalNullable(Uuid),
  contactIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  opportunityId: OptionalNullable(Uuid),
  leadId: OptionalNullable(Uuid),
  startAt: OptionalNullable(Type.String({ format: 'date-time' })),
  endAt: OptionalNullable(Type.String({ format: 'date-time' })),
  dueAt: OptionalNullable(Type.String({ format: 'date-time' })),
  remindAt: OptionalNullable(Type.String({
    format: 'date-time',
    description: 'When the owner is reminded (in-app). Left out: 15 minutes before dueAt, and it moves with dueAt; null: no reminder',
  })),
  status: Type.Optional(literals(ACTIVITY_STATUSES)),
  outcome: OptionalNullable(Str(2000)),
  nextStep: OptionalNullable(Str(1000)),
  checkIn: OptionalNullable(CheckIn),
  ownerId: Type.Optional(Uuid),
};

const noteFields = {
  object: Type.String({ minLength: 1, maxLength: 50 }),
  recordId: Uuid,
  body: Type.String({ minLength: 1, maxLength: 10000 }),
};

const TimelineItem = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  at: Type.String(),
  actorName: Nullable(Type.String()),
  title: Type.String(),
  body: Type.Optional(Nullable(Type.String())),
  activityType: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  changes: Type.Optional(Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }))),
  object: Type.String(),
  recordId: Type.String(),
});

/** The record as returned: every writable field present (nullable), plus the bookkeeping. */
function recordSchema(fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const required = Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, stripOptional(v as Parameters<typeof Type.Object>[0][string])]),
  );
  return Type.Object({ ...RecordBase, ...required, ...extra } as Parameters<typeof Type.Object>[0]);
}

/** Spreading keeps the JSON Schema and drops TypeBox's non-enumerable optional marker. */
const stripOptional = <T extends object>(schema: T): T => ({ ...schema });

const createSchema = (fields: Record<string, unknown>) => Type.Object(fields as never, { additionalProperties: false });
const updateSchema = (fields: Record<string, unknown>) =>
  Type.Object(
    {
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v as never)])),
      version: Type.Optional(VersionField),
    } as never,
    { additionalProperties: false },
  );

function register<T extends ApiRecord>(
  app: App,
  path: string,
  tag: string,
  store: RecordStore<T>,
  fields: Record<string, unknown>,
  extra: Record<string, unknown>,
  exportFields?: string[],
  updatable: Record<string, unknown> = fields,
  workflows: Pick<ResourceRoutes<T>, 'onCreate' | 'onUpdate'> = {},
) {
  registerResourceRoutes(app, {
    ...workflows,
    path: `/api/v1/${path}`,
    tag,
    store,
    record: recordSchema(fields, extra),
    create: createSchema(fields),
    update: updateSchema(updatable),
    remove: true,
    exportFields,
  });
}

export function registerCustomerRoutes(app: App) {
  register(app, 'accounts', 'Accounts', accountStore, accountFields, owned, [
    'id', 'name', 'creditCode', 'industry', 'segment', 'registeredCapital', 'headcount', 'province', 'city', 'region',
    'address', 'website', 'phone', 'ownerName', 'createdAt',
  ]);
  register(app, 'contacts', 'Contacts', contactStore, contactFields, { ...owned, accountName: Type.Optional(Nullable(Type.String())) }, [
    'id', 'name', 'accountName', 'title', 'department', 'phones', 'email', 'wechat', 'ownerName', 'createdAt',
  ]);
  const activityRecord = { ...owned, accountName: Type.Optional(Nullable(Type.String())) };
  register(app, 'activities', 'Activities', activityStore, activityFields, activityRecord, [
    'id', 'type', 'subject', 'accountName', 'startAt', 'dueAt', 'status', 'outcome', 'nextStep', 'ownerName', 'createdAt',
  ], activityFields, { onCreate: createActivity, onUpdate: updateActivity });
  registerAgendaRoutes(app, recordSchema(activityFields, activityRecord));
  register(app, 'notes', 'Notes', noteStore, noteFields, owned, undefined, { body: noteFields.body });

  app.get('/api/v1/accounts/:id/timeline', {
    schema: {
      tags: ['Accounts'],
      summary: "The account's 360° timeline: activities, notes, contacts and changes, newest first",
      params: IdParams,
      querystring: Type.Object({
        before: Type.Optional(Type.String({ format: 'date-time' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: { 200: Type.Object({ data: Type.Array(TimelineItem), nextBefore: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const { before, limit = 50 } = request.query;
    return accountTimeline(request.ctx, request.params.id, before ? new Date(before) : new Date(Date.now() + 1000), limit);
  });
}
