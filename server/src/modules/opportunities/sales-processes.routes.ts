import { Type, type TSchema } from 'typebox';
import { expectedVersion, registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { BANT_PARTS } from './bant.js';
import { STAKEHOLDER_CHECKS } from './battle-map.js';
import { BANT_MODES, getDealSettings, updateDealSettings, type DealSettings } from './deal-settings.service.js';
import { REQUIRABLE_FIELDS } from './exit-criteria.js';
import { lossReasonStore, type LossReason } from './loss-reasons.service.js';
import { FORECAST_CATEGORIES } from './probability.js';
import { TEMPLATE_KEYS, templateIn } from './process-templates.js';
import {
  addStage, createProcess, createProcessFromTemplate, editStage, processStore, removeStage, reorderStages, updateProcess,
  type ProcessInput, type SalesProcess, type StageInput,
} from './sales-processes.service.js';

const tags = ['Sales processes'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 428: ErrorResponse };
const Key = Type.String({ pattern: '^[a-z0-9_]{1,50}$', description: 'lower_snake_case' });
const Optional = <T extends TSchema>(t: T) => Type.Optional(t);

const ChecklistItem = Type.Object(
  { key: Key, label: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const criteriaFields = {
  checklist: Type.Array(ChecklistItem, { maxItems: 30 }),
  requiredFields: Type.Array(Type.Enum([...REQUIRABLE_FIELDS]), { maxItems: REQUIRABLE_FIELDS.length }),
  requiredDocuments: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20, description: 'Document kinds or names' }),
  requiredStakeholders: Type.Array(Type.Enum([...STAKEHOLDER_CHECKS]), { maxItems: STAKEHOLDER_CHECKS.length }),
};
const ExitCriteria = Type.Object(criteriaFields);
const ExitCriteriaInput = Type.Object(
  {
    checklist: Type.Optional(criteriaFields.checklist),
    requiredFields: Type.Optional(criteriaFields.requiredFields),
    requiredDocuments: Type.Optional(criteriaFields.requiredDocuments),
    requiredStakeholders: Type.Optional(criteriaFields.requiredStakeholders),
  },
  { additionalProperties: false, description: 'Parts given replace those parts' },
);

const stageFields = {
  key: Optional(Nullable(Key)),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  probability: Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Win rate in percent (won: 100, lost: 0)' })),
  forecastCategory: Optional(Type.Enum([...FORECAST_CATEGORIES])),
  isWon: Optional(Type.Boolean()),
  isLost: Optional(Type.Boolean()),
  exitCriteria: Optional(ExitCriteriaInput),
};
const StageInputSchema = Type.Object({ id: Optional(Uuid), ...stageFields }, { additionalProperties: false });

export const StageSchema = Type.Object({
  id: Uuid,
  processId: Uuid,
  key: Nullable(Type.String()),
  name: Type.String(),
  order: Type.Integer(),
  probability: Type.Integer(),
  forecastCategory: Type.String(),
  isWon: Type.Boolean(),
  isLost: Type.Boolean(),
  exitCriteria: ExitCriteria,
});

const processFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  businessLine: Optional(Nullable(Type.String({ maxLength: 100 }))),
  description: Optional(Nullable(Type.String({ maxLength: 2000 }))),
  isDefault: Optional(Type.Boolean()),
  allowManagerOverride: Optional(Type.Boolean({ description: 'A sales manager or admin may pass an unmet gate with a reason' })),
  active: Optional(Type.Boolean()),
};

export const ProcessSchema = Type.Unsafe<SalesProcess>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  businessLine: Nullable(Type.String()),
  description: Nullable(Type.String()),
  templateKey: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  allowManagerOverride: Type.Boolean(),
  active: Type.Boolean(),
  stages: Type.Array(StageSchema),
}));

const Stages = Type.Array(StageInputSchema, { minItems: 1, maxItems: 30, description: 'In order; won and lost stages are added when absent' });

const LabelsInput = Type.Object(
  { 'en-US': Optional(Type.String({ minLength: 1, maxLength: 100 })), 'zh-CN': Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false, minProperties: 1, description: 'A language left out takes the other one' },
);
const lossReasonFields = {
  key: Key,
  labels: LabelsInput,
  active: Optional(Type.Boolean()),
  sortOrder: Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
};
const LossReasonSchema = Type.Unsafe<LossReason>(Type.Object({
  ...RecordBase,
  key: Type.String(),
  labels: Type.Object({ 'en-US': Type.String(), 'zh-CN': Type.String() }),
  label: Type.Optional(Type.String()),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
}));

const settingsFields = {
  bantMode: Type.Enum([...BANT_MODES], { description: 'strict: refuse creating an unqualified deal; lenient: create it flagged unqualified' }),
  bantRequired: Type.Array(Type.Enum([...BANT_PARTS]), { maxItems: 4, description: 'The BANT parts a qualified deal has' }),
};
const SettingsSchema = Type.Unsafe<DealSettings>(Type.Object({ ...settingsFields, version: Type.Integer(), updatedAt: Nullable(Type.String()) }));

const TemplateSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  stages: Type.Array(Type.Object({
    key: Nullable(Type.String()),
    name: Type.String(),
    probability: Type.Integer(),
    forecastCategory: Type.String(),
    isWon: Type.Boolean(),
    isLost: Type.Boolean(),
    exitCriteria: ExitCriteria,
  })),
});

const StageParams = Type.Object({ id: Type.String(), stageId: Uuid });
const VersionQuery = Type.Object({ version: Type.Optional(VersionField) });

const optionalAll = (fields: Record<string, TSchema>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as Record<string, TSchema>;

export function registerSalesProcessRoutes(app: App) {
  registerResourceRoutes(app, {
    path: '/api/v1/sales-processes',
    tag: 'Sales processes',
    store: processStore,
    record: ProcessSchema,
    create: Type.Object({ ...processFields, stages: Stages }, { additionalProperties: false }),
    update: Type.Object({ ...optionalAll(processFields), stages: Optional(Stages), version: Optional(VersionField) }, { additionalProperties: false }),
    onCreate: (ctx, body) => createProcess(ctx, body as ProcessInput),
    onUpdate: (ctx, id, patch, version) => updateProcess(ctx, id, patch as ProcessInput, version),
    remove: true,
  });

  app.get('/api/v1/sales-process-templates', {
    schema: { tags, summary: 'The process templates, in your language', response: { 200: Type.Object({ data: Type.Array(TemplateSchema) }) } },
  }, async (request) => ({
    data: TEMPLATE_KEYS.map((key) => ({ key, ...templateIn(key, request.ctx.locale) })),
  }));

  app.post('/api/v1/sales-processes/from-template', {
    schema: {
      tags,
      summary: 'Create a sales process from a template: simple (contact → product → quote → close) or solution (power sponsor path)',
      body: Type.Object({
        template: Type.Enum([...TEMPLATE_KEYS]),
        name: Optional(Type.String({ minLength: 1, maxLength: 200 })),
        businessLine: Optional(Nullable(Type.String({ maxLength: 100 }))),
        isDefault: Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 201: ProcessSchema, ...errors },
    },
  }, async (request, reply) => {
    const { template, ...options } = request.body;
    return reply.status(201).send(await createProcessFromTemplate(request.ctx, template, options));
  });

  app.post('/api/v1/sales-processes/:id/stages', {
    schema: {
      tags,
      summary: 'Add a stage (at `order`, or after the last open stage)',
      params: IdParams,
      body: Type.Object({ ...stageFields, order: Optional(Type.Integer({ minimum: 1 })), version: Optional(VersionField) }, { additionalProperties: false }),
      response: { 201: ProcessSchema, ...errors },
    },
  }, async (request, reply) => {
    const { version, ...stage } = request.body as StageInput & { order?: number; version?: number };
    return reply.status(201).send(await addStage(request.ctx, request.params.id, stage, version));
  });

  app.patch('/api/v1/sales-processes/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Change a stage (exit criteria parts given replace those parts; `order` moves it)',
      params: StageParams,
      body: Type.Object({ ...optionalAll(stageFields), order: Optional(Type.Integer({ minimum: 1 })), version: Optional(VersionField) }, { additionalProperties: false }),
      response: { 200: ProcessSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...patch } = request.body as Partial<StageInput> & { order?: number; version?: number };
    return editStage(request.ctx, request.params.id, request.params.stageId, patch, version);
  });

  app.delete('/api/v1/sales-processes/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Remove a stage (refused while deals are at it)',
      params: StageParams,
      querystring: VersionQuery,
      response: { 200: ProcessSchema, ...errors },
    },
  }, async (request) => removeStage(request.ctx, request.params.id, request.params.stageId, request.query.version));

  app.post('/api/v1/sales-processes/:id/reorder-stages', {
    schema: {
      tags,
      summary: 'Put the stages in a new order (every stage listed once; won and lost stay last)',
      params: IdParams,
      body: Type.Object({ stageIds: Type.Array(Uuid, { minItems: 1, maxItems: 30 }), version: Optional(VersionField) }, { additionalProperties: false }),
      response: { 200: ProcessSchema, ...errors },
    },
  }, async (request) => reorderStages(request.ctx, request.params.id, request.body.stageIds, request.body.version));

  registerResourceRoutes(app, {
    path: '/api/v1/loss-reasons',
    tag: 'Sales processes',
    store: lossReasonStore,
    record: LossReasonSchema,
    create: Type.Object(lossReasonFields, { additionalProperties: false }),
    update: Type.Object({ ...optionalAll(lossReasonFields), version: Optional(VersionField) }, { additionalProperties: false }),
    remove: true,
  });

  app.get('/api/v1/opportunity-settings', {
    schema: { tags, summary: 'How strictly deals are qualified (BANT)', response: { 200: SettingsSchema, ...errors } },
  }, async (request) => getDealSettings(request.ctx));

  app.put('/api/v1/opportunity-settings', {
    schema: {
      tags,
      summary: 'Set how strictly deals are qualified (audited; a change of the required parts re-flags every deal)',
      body: Type.Object({ ...settingsFields, version: Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 200: SettingsSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...settings } = request.body;
    return updateDealSettings(request.ctx, settings, expectedVersion(request.headers['if-match'], version));
  });
}
