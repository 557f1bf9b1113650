import { Type } from 'typebox';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Money, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { LEAD_STATUSES, type LeadAction } from './lead-lifecycle.js';
import { removeLead } from './lead-removal.service.js';
import { applyLeadAction, assignLead, createLead, leadHistory, leadStore, updateLead, type Lead } from './leads.service.js';

const Str = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));

/** What a person, a form or an import may write on a lead. */
const leadFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  company: Str(200),
  title: Str(100),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Str(40),
  creditCode: Str(30),
  industry: Str(100),
  headcount: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  registeredCapital: Type.Optional(Nullable(Money)),
  province: Str(50),
  city: Str(50),
  region: Str(50),
  address: Str(300),
  website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 300 }))),
  productInterest: Str(100),
  source: Str(100),
  campaignId: Type.Optional(Nullable(Uuid)),
  description: Str(5000),
  doNotContact: Type.Optional(Type.Boolean()),
};

const Status = Type.Union(LEAD_STATUSES.map((s) => Type.Literal(s)));

export const LeadSchema = Type.Unsafe<Lead>(Type.Object({
  ...RecordBase,
  ...Object.fromEntries(Object.entries(leadFields).map(([k, v]) => [k, { ...v }])),
  status: Status,
  statusChangedAt: Type.String(),
  becameMqlAt: Nullable(Type.String({ description: 'When the lead first became MQL (or a later status)' })),
  becameSqlAt: Nullable(Type.String({ description: 'When the lead first became SQL (or converted)' })),
  inRoutingQueue: Type.Boolean(),
  lastReason: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  grade: Nullable(Type.String()),
  fitScore: Nullable(Type.Integer()),
  engagementScore: Nullable(Type.Integer()),
  predictedScore: Nullable(Type.Integer()),
  fieldSources: Type.Record(Type.String(), Type.Object({ source: Type.String(), at: Type.String() })),
  ownerId: Nullable(Uuid),
  ownerName: Type.Optional(Nullable(Type.String())),
  teamId: Nullable(Uuid),
  assignedAt: Nullable(Type.String()),
  convertedAccountId: Nullable(Uuid),
  convertedContactId: Nullable(Uuid),
  convertedOpportunityId: Nullable(Uuid),
  convertedAt: Nullable(Type.String()),
} as Parameters<typeof Type.Object>[0]));

const Reason = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const ACTION_SUMMARIES: Record<Exclude<LeadAction, 'convert'>, string> = {
  promote: 'Mark as marketing-qualified (MQL)',
  accept: 'Accept the lead (the assigned rep)',
  reject: 'Reject with a reason: the lead goes to the manual routing queue',
  qualify: 'Mark as sales-qualified (SQL)',
  'return-to-nurture': 'Return to the nurture pool with a reason',
  disqualify: 'Disqualify with a reason',
  reopen: 'Reopen a disqualified lead',
};

export function registerLeadRoutes(app: App) {
  registerResourceRoutes(app, {
    path: '/api/v1/leads',
    tag: 'Leads',
    store: leadStore,
    record: LeadSchema,
    create: Type.Object({ ...leadFields, ownerId: Type.Optional(Uuid), teamId: Type.Optional(Uuid) }, { additionalProperties: false }),
    update: Type.Object(
      {
        ...Object.fromEntries(Object.entries(leadFields).map(([k, v]) => [k, Type.Optional(v)])),
        version: Type.Optional(VersionField),
      } as Parameters<typeof Type.Object>[0],
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createLead(ctx, body),
    onUpdate: (ctx, id, patch, version) => updateLead(ctx, id, patch, version),
    remove: true,
    onRemove: removeLead,
    exportFields: [
      'id', 'name', 'company', 'title', 'email', 'phone', 'industry', 'province', 'city', 'source', 'status',
      'score', 'grade', 'ownerName', 'createdAt',
    ],
  });

  for (const [action, summary] of Object.entries(ACTION_SUMMARIES) as [Exclude<LeadAction, 'convert'>, string][]) {
    app.post(`/api/v1/leads/:id/${action}`, {
      schema: { tags: ['Leads'], summary, params: IdParams, body: Reason, response: { 200: LeadSchema, ...errors } },
    }, async (request) => applyLeadAction(request.ctx, request.params.id, action, request.body ?? {}));
  }

  app.post('/api/v1/leads/:id/assign', {
    schema: {
      tags: ['Leads'],
      summary: 'Route the lead to a rep and/or a team',
      params: IdParams,
      body: Type.Object({ ownerId: Type.Optional(Nullable(Uuid)), teamId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: LeadSchema, ...errors },
    },
  }, async (request) => assignLead(request.ctx, request.params.id, request.body));

  app.get('/api/v1/leads/:id/history', {
    schema: {
      tags: ['Leads'],
      summary: 'Status history: every transition with who, when and why',
      params: IdParams,
      response: {
        200: Type.Object({
          data: Type.Array(Type.Object({
            id: Uuid,
            action: Type.String(),
            fromStatus: Nullable(Type.String()),
            toStatus: Type.String(),
            reason: Nullable(Type.String()),
            actorId: Nullable(Uuid),
            at: Type.String(),
          })),
        }),
        404: ErrorResponse,
      },
    },
  }, async (request) => ({ data: await leadHistory(request.ctx, request.params.id) }));
}
