import { Type, type TSchema } from 'typebox';
import type { AppDb } from '../../platform/db/client.js';
import { expectedVersion, registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Money, Nullable, RecordBase, Timestamp, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { listTouches } from '../leads/leads.service.js';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, type CampaignAction } from './campaign-lifecycle.js';
import { addCost, COST_CATEGORIES, listCosts, removeCost, updateCost } from './campaign-costs.service.js';
import { addMember, changeMemberStatus, listMembers, removeMember } from './campaign-members.service.js';
import { captureResponse } from './campaign-responses.service.js';
import {
  applyCampaignAction, campaignStore, campaignSummary, createCampaign, rotateFormKey, updateCampaign, type Campaign,
} from './campaigns.service.js';
import { MEMBER_STATUSES } from './member-status.js';
import { FORM_FIELDS } from './public-form.js';
import { registerPublicFormRoutes, SubmissionFields } from './public-forms.routes.js';

const tags = ['Campaigns'];
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const OptionalNullable = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));
const DateOnly = Type.String({ format: 'date', examples: ['2025-09-18'] });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Count = Type.Integer({ minimum: 0 });

const GoalsInput = Type.Object(
  {
    leads: OptionalNullable(Type.Integer({ minimum: 0, description: 'New leads the campaign should bring' })),
    mqls: OptionalNullable(Type.Integer({ minimum: 0, description: 'Of those, marketing-qualified' })),
    pipeline: OptionalNullable(Money),
  },
  { additionalProperties: false },
);

const FormFieldName = literals(FORM_FIELDS);
const FormInput = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'Takes responses (the campaign must also be planned or active)' })),
    title: OptionalNullable(Type.String({ maxLength: 200 })),
    description: OptionalNullable(Type.String({ maxLength: 2000 })),
    fields: Type.Optional(Type.Array(FormFieldName, { maxItems: FORM_FIELDS.length, description: 'Shown besides the name' })),
    requiredFields: Type.Optional(Type.Array(FormFieldName, { maxItems: FORM_FIELDS.length })),
    consentRequired: Type.Optional(Type.Boolean()),
    consentText: OptionalNullable(Type.String({ maxLength: 2000 })),
    thankYouMessage: OptionalNullable(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** Writable fields of a campaign; the status moves by actions, the form key by rotate-form-key. */
const campaignFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: literals(CAMPAIGN_TYPES),
  startDate: DateOnly,
  endDate: OptionalNullable(DateOnly),
  description: OptionalNullable(Type.String({ maxLength: 5000 })),
  budget: OptionalNullable(Money),
  goals: Type.Optional(GoalsInput),
  form: Type.Optional(FormInput),
  ownerId: Type.Optional(Uuid),
};

const CampaignSchema = Type.Unsafe<Campaign>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  type: literals(CAMPAIGN_TYPES),
  status: literals(CAMPAIGN_STATUSES),
  statusChangedAt: Timestamp,
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  description: Nullable(Type.String()),
  budget: Nullable(Money),
  goals: Type.Object({ leads: Nullable(Type.Integer()), mqls: Nullable(Type.Integer()), pipeline: Nullable(Money) }),
  formKey: Type.String({ description: 'The public form is at /f/{formKey}; POST /api/v1/public/forms/{formKey} takes responses' }),
  form: Type.Object({
    open: Type.Boolean(),
    title: Nullable(Type.String()),
    description: Nullable(Type.String()),
    fields: Type.Array(Type.String()),
    requiredFields: Type.Array(Type.String()),
    consentRequired: Type.Boolean(),
    consentText: Nullable(Type.String()),
    thankYouMessage: Nullable(Type.String()),
  }),
  ownerId: Uuid,
  ownerName: Type.Optional(Nullable(Type.String())),
  actualCost: Type.Optional(Nullable(Money)),
  memberCount: Type.Optional(Count),
}));

const CostSchema = Type.Object({
  ...RecordBase,
  campaignId: Uuid,
  date: Type.String(),
  category: literals(COST_CATEGORIES),
  amount: Money,
  note: Nullable(Type.String()),
});
const costFields = {
  date: DateOnly,
  category: literals(COST_CATEGORIES),
  amount: Money,
  note: OptionalNullable(Type.String({ maxLength: 1000 })),
};

const MemberSchema = Type.Object({
  ...RecordBase,
  campaignId: Uuid,
  leadId: Nullable(Uuid),
  contactId: Nullable(Uuid),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  company: Nullable(Type.String()),
  status: literals(MEMBER_STATUSES),
  statusChangedAt: Timestamp,
  invitedAt: Nullable(Timestamp),
  registeredAt: Nullable(Timestamp),
  attendedAt: Nullable(Timestamp),
  respondedAt: Nullable(Timestamp),
  source: Type.String(),
});

const SummarySchema = Type.Object({
  campaignId: Uuid,
  members: Type.Object({
    total: Count,
    byStatus: Type.Object({ invited: Count, registered: Count, attended: Count, responded: Count }),
    reached: Type.Object({ registered: Count, attended: Count, responded: Count }, { description: 'At this status or further' }),
  }),
  responses: Count,
  leads: Type.Object({
    created: Type.Integer({ description: 'Leads whose first campaign is this one' }),
    mqls: Type.Integer({ description: 'Of those, MQL or further along' }),
    touched: Count,
    touches: Count,
  }),
  cost: Type.Object({
    budget: Nullable(Money),
    actual: Nullable(Money),
    remaining: Nullable(Money),
    percentOfBudget: Nullable(Type.Integer()),
    entries: Count,
  }),
  goals: Type.Object({
    leads: Type.Object({ target: Nullable(Type.Integer()), actual: Type.Integer(), percent: Nullable(Type.Integer()) }),
    mqls: Type.Object({ target: Nullable(Type.Integer()), actual: Type.Integer(), percent: Nullable(Type.Integer()) }),
    pipeline: Type.Object({ target: Nullable(Money) }),
  }),
});

const ResponseResultSchema = Type.Object({
  responseId: Uuid,
  leadId: Uuid,
  leadCreated: Type.Boolean(),
  memberId: Uuid,
  memberStatus: literals(MEMBER_STATUSES),
  duplicate: Type.Boolean(),
});

const TouchSchema = Type.Object({
  id: Uuid,
  leadId: Uuid,
  campaignId: Nullable(Uuid),
  kind: Type.String(),
  at: Timestamp,
  details: Type.Record(Type.String(), Type.Unknown()),
});

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};
const ChildParams = (child: string) => Type.Object({ id: Type.String(), [child]: Type.String() });
const VersionBody = Type.Object({ version: Type.Optional(VersionField) }, { additionalProperties: false });
const VersionQuery = Type.Object({ version: Type.Optional(VersionField) });

const ACTION_SUMMARIES: Record<CampaignAction, string> = {
  activate: 'Start the campaign (planned → active)',
  complete: 'Finish the campaign (active → completed); its form closes',
  abort: 'Call the campaign off (planned or active → aborted); its form closes',
};

export function registerCampaignRoutes(app: App, db: AppDb) {
  registerResourceRoutes(app, {
    path: '/api/v1/campaigns',
    tag: 'Campaigns',
    store: campaignStore,
    record: CampaignSchema,
    create: Type.Object({ ...campaignFields, status: Type.Optional(literals(CAMPAIGN_STATUSES)) }, { additionalProperties: false }),
    update: Type.Object(
      {
        ...Object.fromEntries(Object.entries(campaignFields).map(([k, v]) => [k, Type.Optional(v)])),
        version: Type.Optional(VersionField),
      } as Parameters<typeof Type.Object>[0],
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createCampaign(ctx, body),
    onUpdate: (ctx, id, patch, version) => updateCampaign(ctx, id, patch, version),
    remove: true,
    exportFields: ['id', 'name', 'type', 'status', 'startDate', 'endDate', 'budget', 'actualCost', 'memberCount', 'ownerName', 'createdAt'],
  });

  for (const action of CAMPAIGN_ACTIONS) {
    app.post(`/api/v1/campaigns/:id/${action}`, {
      schema: { tags, summary: ACTION_SUMMARIES[action], params: IdParams, body: VersionBody, response: { 200: CampaignSchema, ...errors } },
    }, async (request) => applyCampaignAction(request.ctx, request.params.id, action, request.body?.version));
  }

  app.post('/api/v1/campaigns/:id/rotate-form-key', {
    schema: {
      tags,
      summary: 'Give the public form a new key: the old link stops working',
      params: IdParams,
      body: VersionBody,
      response: { 200: CampaignSchema, ...errors },
    },
  }, async (request) => rotateFormKey(request.ctx, request.params.id, request.body?.version));

  app.get('/api/v1/campaigns/:id/summary', {
    schema: {
      tags,
      summary: 'Members by status, responses, leads and touches, cost against budget and goals',
      params: IdParams,
      response: { 200: SummarySchema, ...errors },
    },
  }, async (request) => campaignSummary(request.ctx, request.params.id));

  // Costs
  app.get('/api/v1/campaigns/:id/costs', {
    schema: {
      tags,
      summary: "The campaign's cost entries, latest first",
      params: IdParams,
      querystring: Type.Object(Paging),
      response: { 200: Type.Object({ data: Type.Array(CostSchema), nextCursor: Nullable(Type.String()) }), ...errors },
    },
  }, async (request) => listCosts(request.ctx, request.params.id, request.query));

  app.post('/api/v1/campaigns/:id/costs', {
    schema: {
      tags,
      summary: 'Book a cost entry (in the currency of the budget)',
      params: IdParams,
      body: Type.Object(costFields, { additionalProperties: false }),
      response: { 201: CostSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await addCost(request.ctx, request.params.id, request.body)));

  app.patch('/api/v1/campaigns/:id/costs/:costId', {
    schema: {
      tags,
      summary: 'Correct a cost entry',
      params: ChildParams('costId'),
      body: Type.Object(
        { ...Object.fromEntries(Object.entries(costFields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Optional(VersionField) } as Parameters<typeof Type.Object>[0],
        { additionalProperties: false, minProperties: 1 },
      ),
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 200: CostSchema, 428: ErrorResponse, ...errors },
    },
  }, async (request) => {
    const { version, ...patch } = request.body as Record<string, unknown>;
    const { id, costId } = request.params as { id: string; costId: string };
    return updateCost(request.ctx, id, costId, patch, expectedVersion(request.headers['if-match'], version));
  });

  app.delete('/api/v1/campaigns/:id/costs/:costId', {
    schema: { tags, summary: 'Delete a cost entry', params: ChildParams('costId'), querystring: VersionQuery, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const { id, costId } = request.params as { id: string; costId: string };
    await removeCost(request.ctx, id, costId, expectedVersion(request.headers['if-match'], request.query.version));
    return reply.status(204).send(null);
  });

  // Members
  app.get('/api/v1/campaigns/:id/members', {
    schema: {
      tags,
      summary: "The campaign's members, newest first",
      params: IdParams,
      querystring: Type.Object({
        ...Paging,
        'filter[status]': Type.Optional(Type.String({ description: 'invited | registered | attended | responded; a,b for any of' })),
        'filter[leadId]': Type.Optional(Type.String()),
        'filter[contactId]': Type.Optional(Type.String()),
      }),
      response: { 200: Type.Object({ data: Type.Array(MemberSchema), nextCursor: Nullable(Type.String()) }), ...errors },
    },
  }, async (request) => {
    const q = request.query as Record<string, string | number | undefined>;
    return listMembers(request.ctx, request.params.id, {
      status: q['filter[status]'] as string | undefined,
      leadId: q['filter[leadId]'] as string | undefined,
      contactId: q['filter[contactId]'] as string | undefined,
      limit: q.limit as number | undefined,
      cursor: q.cursor as string | undefined,
    });
  });

  app.post('/api/v1/campaigns/:id/members', {
    schema: {
      tags,
      summary: 'Add a lead or a contact (invited unless a status is given; registered or later records a lead touch)',
      params: IdParams,
      body: Type.Object(
        { leadId: OptionalNullable(Uuid), contactId: OptionalNullable(Uuid), status: Type.Optional(literals(MEMBER_STATUSES)) },
        { additionalProperties: false },
      ),
      response: { 201: MemberSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await addMember(request.ctx, request.params.id, request.body)));

  app.patch('/api/v1/campaigns/:id/members/:memberId', {
    schema: {
      tags,
      summary: 'Move a member forward: invited → registered → attended → responded',
      params: ChildParams('memberId'),
      body: Type.Object({ status: literals(MEMBER_STATUSES), version: Type.Optional(VersionField) }, { additionalProperties: false }),
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 200: MemberSchema, 428: ErrorResponse, ...errors },
    },
  }, async (request) => {
    const { id, memberId } = request.params as { id: string; memberId: string };
    const body = request.body as { status: (typeof MEMBER_STATUSES)[number]; version?: number };
    return changeMemberStatus(request.ctx, id, memberId, body.status, expectedVersion(request.headers['if-match'], body.version));
  });

  app.delete('/api/v1/campaigns/:id/members/:memberId', {
    schema: { tags, summary: 'Remove a member (the lead keeps its touches)', params: ChildParams('memberId'), querystring: VersionQuery, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const { id, memberId } = request.params as { id: string; memberId: string };
    await removeMember(request.ctx, id, memberId, expectedVersion(request.headers['if-match'], request.query.version));
    return reply.status(204).send(null);
  });

  // Responses and touches
  app.post('/api/v1/campaigns/:id/responses', {
    schema: {
      tags,
      summary: 'Record a response by hand or from an integration: finds or creates the lead, touches it, makes it a member',
      params: IdParams,
      body: SubmissionFields,
      response: { 201: ResponseResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const { submissionId, ...submission } = request.body;
    return reply.status(201).send(await captureResponse(request.ctx, request.params.id, submission, submissionId));
  });

  app.get('/api/v1/campaigns/:id/touches', {
    schema: {
      tags,
      summary: "The campaign's touches on the leads you can see, newest first",
      params: IdParams,
      querystring: Type.Object({ leadId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
      response: { 200: Type.Object({ data: Type.Array(TouchSchema) }), ...errors },
    },
  }, async (request) => {
    await campaignStore.get(request.ctx, request.params.id);
    return { data: await listTouches(request.ctx, { campaignId: request.params.id, ...request.query }) };
  });

  registerPublicFormRoutes(app, db);
}
