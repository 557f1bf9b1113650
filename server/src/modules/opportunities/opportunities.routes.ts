import { Type, type TSchema } from 'typebox';
import { expectedVersion, registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, filtersFrom, IdParams, listQuery, Money, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { ATTITUDES, STAKEHOLDER_CHECKS, STAKEHOLDER_LEVELS, STAKEHOLDER_ROLES } from './battle-map.js';
import {
  addAction, addStakeholder, attitudeHistory, battleMapGaps, listStakeholders, removeAction, removeStakeholder,
  updateAction, updateStakeholder, type ActionInput, type Stakeholder, type StakeholderAction, type StakeholderInput,
} from './battle-map.service.js';
import { addDocument, listDocuments, removeDocument } from './deal-documents.service.js';
import {
  advanceOpportunity, closeOpportunity, previewGate, reopenOpportunity, setChecklistItem, stageHistory, type CloseInput,
} from './deal-stages.service.js';
import { createOpportunity, opportunityStore, opportunityTotals, updateOpportunity, type Opportunity, type OpportunityInput } from './opportunities.service.js';
import { FORECAST_CATEGORIES, OPPORTUNITY_STATUSES } from './probability.js';
import { registerSalesProcessRoutes } from './sales-processes.routes.js';

const tags = ['Opportunities'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 428: ErrorResponse };
const Optional = <T extends TSchema>(t: T) => Type.Optional(t);
const Text = (maxLength: number) => Optional(Nullable(Type.String({ maxLength })));
const DateOnly = Type.String({ format: 'date', examples: ['2026-03-31'] });
const DateTime = Type.String({ format: 'date-time' });
/**
 * A nullable integer. The `nullable` keyword, not a union with null: with type coercion on, ajv
 * turns null into 0 inside `anyOf`, so "clear the override" would arrive as "override to 0 %".
 */
const NullableInteger = (options: Parameters<typeof Type.Integer>[0]) =>
  Type.Unsafe<number | null>({ ...Type.Integer(options), nullable: true });

/** Roles a contact plays on a deal (the battle map's roles, or other). */
export const CONTACT_ROLES = [...STAKEHOLDER_ROLES, 'other'] as const;

/** BANT as a deal's create or update takes it (also a converted lead's new deal). */
export const BantInput = Type.Object({
  budget: Optional(Type.Object({ amount: Optional(Nullable(Money)), approved: Optional(Type.Boolean()) }, { additionalProperties: false })),
  authority: Optional(Type.Object({
    decisionMakerContactIds: Optional(Type.Array(Uuid, { maxItems: 20 })),
    participants: Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20, description: 'Who else takes part (departments, roles)' })),
  }, { additionalProperties: false })),
  need: Optional(Type.Object({ problem: Text(2000), goal: Text(2000) }, { additionalProperties: false })),
  timeline: Optional(Type.Object({ date: Optional(Nullable(DateOnly)), reason: Text(500) }, { additionalProperties: false })),
}, { additionalProperties: false, description: 'Parts given replace those parts' });

const Bant = Type.Object({
  budget: Type.Object({ amount: Nullable(Money), approved: Type.Boolean() }),
  authority: Type.Object({ decisionMakerContactIds: Type.Array(Uuid), participants: Type.Array(Type.String()) }),
  need: Type.Object({ problem: Nullable(Type.String()), goal: Nullable(Type.String()) }),
  timeline: Type.Object({ date: Nullable(Type.String()), reason: Nullable(Type.String()) }),
});

const LineItemInput = Type.Object({
  productId: Uuid,
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000_000, description: 'Up to 3 decimals' }),
  unitPrice: Optional(Nullable(Money)),
  discountPercent: Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Up to 2 decimals' })),
  description: Text(500),
}, { additionalProperties: false });

const LineItem = Type.Object({
  id: Uuid,
  productId: Uuid,
  productName: Type.String(),
  productCode: Nullable(Type.String()),
  productLineId: Nullable(Uuid),
  quantity: Type.Number(),
  unitPrice: Money,
  discountPercent: Type.Number(),
  lineTotal: Money,
  description: Nullable(Type.String()),
});

const ContactRoleInput = Type.Object(
  { contactId: Uuid, role: Optional(Nullable(Type.Enum([...CONTACT_ROLES]))) },
  { additionalProperties: false },
);

const dealFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  accountId: Uuid,
  amount: Optional(Nullable(Money)),
  closeDate: DateOnly,
  probabilityOverride: Optional(NullableInteger({ minimum: 0, maximum: 100, description: "A person's win rate; needs probabilityOverrideReason" })),
  probabilityOverrideReason: Text(500),
  forecastCategoryOverride: Optional(Nullable(Type.Enum([...FORECAST_CATEGORIES]))),
  bant: Optional(BantInput),
  lineItems: Optional(Type.Array(LineItemInput, { maxItems: 200, description: 'Replace the deal’s line items; the amount follows them' })),
  contacts: Optional(Type.Array(ContactRoleInput, { maxItems: 50 })),
  competitors: Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  nextStep: Text(1000),
  description: Text(5000),
  ownerId: Optional(Uuid),
  teamId: Optional(Nullable(Uuid)),
  leadId: Optional(Nullable(Uuid)),
};

const CreateDeal = Type.Object({ ...dealFields, processId: Optional(Uuid), stageId: Optional(Uuid) }, { additionalProperties: false });
const UpdateDeal = Type.Object(
  { ...Object.fromEntries(Object.entries(dealFields).map(([k, v]) => [k, Type.Optional(v)])), version: Optional(VersionField) } as Record<string, TSchema>,
  { additionalProperties: false },
);

export const OpportunitySchema = Type.Unsafe<Opportunity>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  accountId: Uuid,
  accountName: Optional(Nullable(Type.String())),
  processId: Uuid,
  stageId: Uuid,
  stageName: Optional(Nullable(Type.String())),
  status: Type.Enum([...OPPORTUNITY_STATUSES]),
  currency: Type.String(),
  amount: Nullable(Money),
  closeDate: Type.String(),
  probability: Type.Integer({ description: 'In force: the override if a person set one, else the stage’s win rate' }),
  stageProbability: Type.Integer(),
  probabilityOverride: Nullable(Type.Integer()),
  probabilityOverrideReason: Nullable(Type.String()),
  forecastCategory: Type.String(),
  stageForecastCategory: Type.String(),
  forecastCategoryOverride: Nullable(Type.String()),
  bant: Bant,
  bantMissing: Type.Array(Type.String()),
  qualified: Type.Boolean(),
  contacts: Type.Array(Type.Object({ contactId: Uuid, role: Nullable(Type.String()) })),
  competitors: Type.Array(Type.String()),
  nextStep: Nullable(Type.String()),
  description: Nullable(Type.String()),
  checklist: Type.Record(Type.String(), Type.Object({ done: Type.Boolean(), at: Type.String(), byId: Nullable(Uuid) })),
  lineItems: Type.Array(LineItem),
  ownerId: Uuid,
  ownerName: Optional(Nullable(Type.String())),
  teamId: Nullable(Uuid),
  leadId: Nullable(Uuid),
  stageEnteredAt: Type.String(),
  closedAt: Nullable(Type.String()),
  lossReason: Nullable(Type.String()),
  lossReasonLabel: Optional(Nullable(Type.String())),
  closeCompetitor: Nullable(Type.String()),
  closeNote: Nullable(Type.String()),
}));

const Missing = Type.Object({
  kind: Type.String({ description: 'checklist | field | document | stakeholder' }),
  key: Type.String(),
  code: Type.String(),
  message: Type.String(),
  stageId: Optional(Uuid),
  stageName: Optional(Type.String()),
  label: Optional(Type.String()),
  stakeholderIds: Optional(Type.Array(Uuid)),
});

const Action = Type.Unsafe<StakeholderAction>(Type.Object({
  id: Uuid,
  stakeholderId: Uuid,
  description: Type.String(),
  visitorIds: Type.Array(Uuid),
  dueAt: Nullable(Type.String()),
  done: Type.Boolean(),
  doneAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
}));

const StakeholderSchema = Type.Unsafe<Stakeholder>(Type.Object({
  id: Uuid,
  opportunityId: Uuid,
  contactId: Uuid,
  contactName: Nullable(Type.String()),
  contactTitle: Nullable(Type.String()),
  role: Type.String(),
  level: Nullable(Type.String()),
  reportsToId: Nullable(Uuid),
  attitude: Type.String(),
  influence: Type.Integer(),
  relationshipOwnerId: Nullable(Uuid),
  lastContactAt: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  actions: Type.Array(Action),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
}));

const stakeholderFields = {
  contactId: Uuid,
  role: Type.Enum([...STAKEHOLDER_ROLES]),
  level: Optional(Nullable(Type.Enum([...STAKEHOLDER_LEVELS]))),
  reportsToId: Optional(Nullable(Uuid)),
  attitude: Optional(Type.Enum([...ATTITUDES])),
  attitudeNote: Text(500),
  influence: Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  relationshipOwnerId: Optional(Nullable(Uuid)),
  lastContactAt: Optional(Nullable(DateTime)),
  notes: Text(2000),
};

const actionFields = {
  description: Type.String({ minLength: 1, maxLength: 500 }),
  visitorIds: Optional(Type.Array(Uuid, { maxItems: 10, description: 'Our people who go (default: you)' })),
  dueAt: Optional(Nullable(DateTime)),
  done: Optional(Type.Boolean()),
};

const DocumentSchema = Type.Object({
  id: Uuid,
  opportunityId: Uuid,
  name: Type.String(),
  kind: Nullable(Type.String()),
  url: Nullable(Type.String()),
  createdById: Nullable(Uuid),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

const Gap = Type.Object({
  check: Type.Enum([...STAKEHOLDER_CHECKS]),
  code: Type.String(),
  severity: Type.String(),
  message: Type.String(),
  stakeholderIds: Type.Array(Uuid),
});

const HistoryEntry = Type.Object({
  id: Uuid,
  action: Type.String({ description: 'create | advance | back | override | close | reopen' }),
  fromStageId: Nullable(Uuid),
  fromStageName: Nullable(Type.String()),
  toStageId: Uuid,
  toStageName: Type.String(),
  status: Type.String(),
  probability: Type.Integer(),
  overrideReason: Nullable(Type.String()),
  overriddenMissing: Nullable(Type.Array(Type.Unknown())),
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  enteredAt: Type.String(),
  exitedAt: Nullable(Type.String()),
  durationSeconds: Type.Integer(),
});

const Reason = Text(500);
const StakeholderParams = Type.Object({ id: Type.String(), stakeholderId: Uuid });
const ActionParams = Type.Object({ id: Type.String(), stakeholderId: Uuid, actionId: Uuid });
const VersionQuery = Type.Object({ version: Optional(VersionField) });

export function registerOpportunityRoutes(app: App) {
  registerSalesProcessRoutes(app);

  const store = opportunityStore.def;
  app.get('/api/v1/opportunities/totals', {
    schema: {
      tags,
      summary: 'Count, amount and weighted amount (amount × probability) per currency of the deals the list shows with the same filters and search',
      querystring: listQuery([...Object.keys(store.filters), ...Object.keys(store.ranges ?? {})], []),
      response: {
        200: Type.Object({
          count: Type.Integer(),
          totals: Type.Array(Type.Object({ currency: Type.String(), count: Type.Integer(), amount: Type.String(), weighted: Type.String() })),
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const q = request.query as Record<string, unknown>;
    return opportunityTotals(request.ctx, { filters: filtersFrom(q), q: q.q as string | undefined });
  });

  registerResourceRoutes(app, {
    path: '/api/v1/opportunities',
    tag: 'Opportunities',
    store: opportunityStore,
    record: OpportunitySchema,
    create: CreateDeal,
    update: UpdateDeal,
    onCreate: (ctx, body) => createOpportunity(ctx, body as OpportunityInput),
    onUpdate: (ctx, id, patch, version) => updateOpportunity(ctx, id, patch as OpportunityInput, version),
    remove: true,
    exportFields: [
      'id', 'name', 'accountName', 'stageName', 'status', 'amount', 'closeDate', 'probability', 'forecastCategory',
      'qualified', 'nextStep', 'ownerName', 'createdAt',
    ],
  });

  app.post('/api/v1/opportunities/:id/advance', {
    schema: {
      tags,
      summary: "Move the deal to another open stage; forward, the exit criteria of the stages left must hold (409 STAGE_GATE_UNMET lists what is missing) unless a manager overrides with a reason",
      params: IdParams,
      body: Type.Object({ stageId: Uuid, overrideReason: Reason }, { additionalProperties: false }),
      response: { 200: OpportunitySchema, ...errors },
    },
  }, async (request) => advanceOpportunity(request.ctx, request.params.id, request.body));

  app.post('/api/v1/opportunities/:id/close', {
    schema: {
      tags,
      summary: 'Close as won (the remaining gates hold, or a manager overrides) or lost (a loss reason from the picklist and a note)',
      params: IdParams,
      body: Type.Object({
        outcome: Type.Enum(['won', 'lost']),
        lossReason: Optional(Nullable(Type.String({ maxLength: 50, description: 'A key of /loss-reasons' }))),
        competitor: Text(100),
        note: Text(2000),
        overrideReason: Reason,
      }, { additionalProperties: false }),
      response: { 200: OpportunitySchema, ...errors },
    },
  }, async (request) => closeOpportunity(request.ctx, request.params.id, request.body as CloseInput));

  app.post('/api/v1/opportunities/:id/reopen', {
    schema: {
      tags,
      summary: 'Reopen a won or lost deal at the stage it was closed from (audited)',
      params: IdParams,
      body: Type.Object({ reason: Reason }, { additionalProperties: false }),
      response: { 200: OpportunitySchema, ...errors },
    },
  }, async (request) => reopenOpportunity(request.ctx, request.params.id, request.body ?? {}));

  app.post('/api/v1/opportunities/:id/checklist/:itemKey', {
    schema: {
      tags,
      summary: "Tick or untick a checklist item of the deal's sales process",
      params: Type.Object({ id: Type.String(), itemKey: Type.String({ maxLength: 50 }) }),
      body: Type.Object({ done: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: OpportunitySchema, ...errors },
    },
  }, async (request) => setChecklistItem(request.ctx, request.params.id, request.params.itemKey, request.body.done));

  app.get('/api/v1/opportunities/:id/gate', {
    schema: {
      tags,
      summary: 'What moving to a stage (default: the next one) would need, without moving',
      params: IdParams,
      querystring: Type.Object({ stageId: Optional(Uuid) }),
      response: {
        200: Type.Object({
          stageId: Nullable(Uuid),
          stageName: Nullable(Type.String()),
          passable: Type.Boolean(),
          missing: Type.Array(Missing),
          canOverride: Type.Boolean(),
        }),
        ...errors,
      },
    },
  }, async (request) => previewGate(request.ctx, request.params.id, request.query.stageId));

  app.get('/api/v1/opportunities/:id/stage-history', {
    schema: {
      tags,
      summary: 'Every stage the deal entered, when, by whom, and how long it stayed (velocity)',
      params: IdParams,
      response: { 200: Type.Object({ data: Type.Array(HistoryEntry) }), ...errors },
    },
  }, async (request) => ({ data: await stageHistory(request.ctx, request.params.id) }));

  app.get('/api/v1/opportunities/:id/gaps', {
    schema: {
      tags,
      summary: 'Battle-map warnings: no power sponsor, power sponsor opposes, nobody at CFO/CEO level, no supporter',
      params: IdParams,
      response: { 200: Type.Object({ data: Type.Array(Gap) }), ...errors },
    },
  }, async (request) => ({ data: await battleMapGaps(request.ctx, request.params.id) }));

  // Battle map
  app.get('/api/v1/opportunities/:id/stakeholders', {
    schema: { tags, summary: 'The battle map: the buying committee with roles, levels, attitudes and planned actions', params: IdParams, response: { 200: Type.Object({ data: Type.Array(StakeholderSchema) }), ...errors } },
  }, async (request) => ({ data: await listStakeholders(request.ctx, request.params.id) }));

  app.post('/api/v1/opportunities/:id/stakeholders', {
    schema: {
      tags,
      summary: 'Put a contact on the battle map',
      params: IdParams,
      body: Type.Object(stakeholderFields, { additionalProperties: false }),
      response: { 201: StakeholderSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await addStakeholder(request.ctx, request.params.id, request.body as StakeholderInput)));

  app.patch('/api/v1/opportunities/:id/stakeholders/:stakeholderId', {
    schema: {
      tags,
      summary: 'Change a stakeholder (an attitude change goes to the attitude history, with attitudeNote)',
      params: StakeholderParams,
      body: Type.Object(
        { ...Object.fromEntries(Object.entries(stakeholderFields).filter(([k]) => k !== 'contactId').map(([k, v]) => [k, Type.Optional(v)])), version: Optional(VersionField) } as Record<string, TSchema>,
        { additionalProperties: false },
      ),
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 200: StakeholderSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...patch } = request.body as StakeholderInput & { version?: number };
    return updateStakeholder(request.ctx, request.params.id, request.params.stakeholderId, patch, expectedVersion(request.headers['if-match'], version));
  });

  app.delete('/api/v1/opportunities/:id/stakeholders/:stakeholderId', {
    schema: { tags, summary: 'Take a stakeholder off the battle map', params: StakeholderParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await removeStakeholder(request.ctx, request.params.id, request.params.stakeholderId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/opportunities/:id/stakeholders/:stakeholderId/attitude-history', {
    schema: {
      tags,
      summary: "How the stakeholder's attitude changed, when, by whom and why",
      params: StakeholderParams,
      response: {
        200: Type.Object({
          data: Type.Array(Type.Object({
            id: Uuid, fromAttitude: Nullable(Type.String()), toAttitude: Type.String(), note: Nullable(Type.String()), actorId: Nullable(Uuid), at: Type.String(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => ({ data: await attitudeHistory(request.ctx, request.params.id, request.params.stakeholderId) }));

  app.post('/api/v1/opportunities/:id/stakeholders/:stakeholderId/actions', {
    schema: {
      tags,
      summary: 'Plan an action on a stakeholder: who of us visits them, by when',
      params: StakeholderParams,
      body: Type.Object(actionFields, { additionalProperties: false }),
      response: { 201: Action, ...errors },
    },
  }, async (request, reply) =>
    reply.status(201).send(await addAction(request.ctx, request.params.id, request.params.stakeholderId, request.body as ActionInput)));

  app.patch('/api/v1/opportunities/:id/stakeholders/:stakeholderId/actions/:actionId', {
    schema: {
      tags,
      summary: 'Change a planned action or mark it done',
      params: ActionParams,
      body: Type.Object(
        { ...Object.fromEntries(Object.entries(actionFields).map(([k, v]) => [k, Type.Optional(v)])), version: Optional(VersionField) } as Record<string, TSchema>,
        { additionalProperties: false },
      ),
      response: { 200: Action, ...errors },
    },
  }, async (request) => {
    const { version, ...patch } = request.body as ActionInput & { version?: number };
    const { id, stakeholderId, actionId } = request.params;
    return updateAction(request.ctx, id, stakeholderId, actionId, patch, version);
  });

  app.delete('/api/v1/opportunities/:id/stakeholders/:stakeholderId/actions/:actionId', {
    schema: { tags, summary: 'Drop a planned action', params: ActionParams, querystring: VersionQuery, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    const { id, stakeholderId, actionId } = request.params;
    await removeAction(request.ctx, id, stakeholderId, actionId);
    return reply.status(204).send(null);
  });

  // Documents
  app.get('/api/v1/opportunities/:id/documents', {
    schema: { tags, summary: "The deal's documents", params: IdParams, response: { 200: Type.Object({ data: Type.Array(DocumentSchema) }), ...errors } },
  }, async (request) => ({ data: await listDocuments(request.ctx, request.params.id) }));

  app.post('/api/v1/opportunities/:id/documents', {
    schema: {
      tags,
      summary: 'Attach a document (stage gates require documents by kind or name)',
      params: IdParams,
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 200 }),
        kind: Text(50),
        url: Optional(Nullable(Type.String({ format: 'uri', maxLength: 1000 }))),
      }, { additionalProperties: false }),
      response: { 201: DocumentSchema, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await addDocument(request.ctx, request.params.id, request.body)));

  app.delete('/api/v1/opportunities/:id/documents/:documentId', {
    schema: { tags, summary: 'Remove a document', params: Type.Object({ id: Type.String(), documentId: Uuid }), response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await removeDocument(request.ctx, request.params.id, request.params.documentId);
    return reply.status(204).send(null);
  });
}
