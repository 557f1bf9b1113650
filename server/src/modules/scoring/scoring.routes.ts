import { Type } from 'typebox';
import type { AppDb } from '../../platform/db/client.js';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Nullable, RecordBase, Timestamp, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { listLeadEngagement, recordEngagementEvent } from './engagement-events.service.js';
import { explainLeadScore, previewRuleChanges } from './lead-scoring.service.js';
import { ENGAGEMENT_KINDS, OPERATORS, RULE_CATEGORIES } from './rules/rule-types.js';
import { scheduleScoringJobs } from './scoring.jobs.js';
import { scoringRuleStore, type ScoringRule } from './scoring-rules.service.js';
import { getScoringSettings, updateScoringSettings } from './scoring-settings.service.js';

/** One of the listed strings (typed as T; a union built from an array would be typed never). */
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const tags = ['Scoring'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * A rule's fields. `value` is checked against the operator by the service (a union here would
 * let type coercion turn 500 into "500"): a string or number for equals, a list for in / not in /
 * contains, a number for ≥ ≤, [min, max] for between, nothing for is empty.
 */
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  category: literals(RULE_CATEGORIES),
  field: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'Fit: the lead field. Engagement: an event detail, e.g. dwellSeconds' }))),
  eventKind: Type.Optional(Nullable(literals(ENGAGEMENT_KINDS))),
  operator: Type.Optional(Nullable(literals(OPERATORS))),
  value: Type.Optional(Type.Unknown({ description: 'string | number | list | [min, max] | null, by operator' })),
  points: Type.Integer({ minimum: -1000, maximum: 1000, description: 'Fit: points when it holds; engagement: per occurrence' }),
  cap: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Engagement: most points the rule gives' }))),
  halfLifeDays: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 3650, description: 'Engagement: days until an occurrence is worth half' }))),
  active: Type.Optional(Type.Boolean()),
  order: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};
const optionalRuleFields = Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, Type.Optional(v)])) as {
  [K in keyof typeof ruleFields]: ReturnType<typeof Type.Optional<(typeof ruleFields)[K]>>;
};

const RuleSchema = Type.Unsafe<ScoringRule>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  category: literals(RULE_CATEGORIES),
  field: Nullable(Type.String()),
  eventKind: Nullable(Type.String()),
  operator: Nullable(literals(OPERATORS)),
  value: Type.Unknown(),
  points: Type.Integer(),
  cap: Nullable(Type.Integer()),
  halfLifeDays: Nullable(Type.Number()),
  active: Type.Boolean(),
  order: Type.Integer(),
}));

const settingsFields = {
  gradeA: Type.Integer({ minimum: -100_000, maximum: 100_000, description: 'Lowest total of grade A' }),
  gradeB: Type.Integer({ minimum: -100_000, maximum: 100_000 }),
  gradeC: Type.Integer({ minimum: -100_000, maximum: 100_000, description: 'Below this: grade D' }),
  mqlThreshold: Type.Integer({ minimum: -100_000, maximum: 100_000, description: 'A total at or above it makes a new lead an MQL' }),
  engagementWindowDays: Type.Integer({ minimum: 1, maximum: 3650, description: 'Engagement older than this is not read' }),
};
const SettingsSchema = Type.Object({ ...settingsFields, version: Type.Integer(), updatedAt: Nullable(Type.String()) });

const Grade = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
const Fired = Type.Object({
  ruleId: Type.String(),
  name: Type.String(),
  category: literals(RULE_CATEGORIES),
  points: Type.Integer(),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

const Explanation = Type.Object({
  leadId: Uuid,
  fit: Type.Integer(),
  engagement: Type.Integer(),
  total: Type.Integer(),
  grade: Grade,
  fired: Type.Array(Fired),
  mqlThreshold: Type.Integer(),
  gradeA: Type.Integer(),
  gradeB: Type.Integer(),
  gradeC: Type.Integer(),
  computedAt: Timestamp,
});

const Preview = Type.Object({
  evaluated: Type.Integer(),
  gradeChanged: Type.Integer(),
  scoreChanged: Type.Integer(),
  wouldPromote: Type.Integer(),
  matrix: Type.Array(Type.Object({ from: Grade, to: Grade, count: Type.Integer() })),
  sample: Type.Array(Type.Object({
    leadId: Uuid,
    name: Type.String(),
    company: Nullable(Type.String()),
    status: Type.String(),
    fromGrade: Grade,
    toGrade: Grade,
    fromTotal: Type.Integer(),
    toTotal: Type.Integer(),
    fired: Type.Array(Fired),
  })),
  computedAt: Timestamp,
});

const EngagementEventSchema = Type.Object({
  id: Uuid,
  leadId: Uuid,
  kind: Type.String(),
  at: Timestamp,
  details: Type.Record(Type.String(), Type.Unknown()),
  externalId: Nullable(Type.String()),
  createdAt: Timestamp,
});

const EngagementDetails = Type.Object(
  {
    dwellSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400, description: 'Web visit: seconds on the page' })),
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    campaignId: Type.Optional(Uuid),
    subject: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { maxProperties: 30, description: 'More keys may be sent; rules can test them' },
);

export function registerScoringRoutes(app: App, db: AppDb) {
  app.addHook('onReady', () => scheduleScoringJobs(db));

  app.post('/api/v1/scoring-rules/preview', {
    schema: {
      tags,
      summary: 'Preview a rule change: how many leads would change grade (from→to), without saving',
      body: Type.Object(
        {
          added: Type.Optional(Type.Array(Type.Object(ruleFields, { additionalProperties: false }), { maxItems: 100 })),
          changed: Type.Optional(Type.Array(
            Type.Object({ id: Uuid, ...optionalRuleFields }, { additionalProperties: false }),
            { maxItems: 100 },
          )),
          removed: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
          settings: Type.Optional(Type.Partial(Type.Object(settingsFields, { additionalProperties: false }))),
          sampleSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, default: 20 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Preview, ...errors },
    },
  }, async (request) => previewRuleChanges(request.ctx, request.body));

  registerResourceRoutes(app, {
    path: '/api/v1/scoring-rules',
    tag: 'Scoring',
    store: scoringRuleStore,
    record: RuleSchema,
    create: Type.Object(ruleFields, { additionalProperties: false }),
    update: Type.Object({ ...optionalRuleFields, version: Type.Optional(VersionField) }, { additionalProperties: false }),
    remove: true,
  });

  app.get('/api/v1/scoring-settings', {
    schema: { tags, summary: 'Grade thresholds and the MQL bar', response: { 200: SettingsSchema, 403: ErrorResponse } },
  }, async (request) => getScoringSettings(request.ctx));

  app.put('/api/v1/scoring-settings', {
    schema: {
      tags,
      summary: 'Replace the grade thresholds and the MQL bar (rescores every lead)',
      body: Type.Object({ ...settingsFields, version: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: { 200: SettingsSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...settings } = request.body;
    return updateScoringSettings(request.ctx, settings, version);
  });

  app.get('/api/v1/leads/:id/score', {
    schema: {
      tags,
      summary: 'The lead’s rule score now: fit, engagement, total, grade and the rules that fired with their points',
      params: IdParams,
      response: { 200: Explanation, 404: ErrorResponse },
    },
  }, async (request) => explainLeadScore(request.ctx, request.params.id));

  app.post('/api/v1/engagement-events', {
    schema: {
      tags,
      summary: 'Record what a lead did (e-mail open or click, web visit, form…); the lead is rescored within seconds',
      body: Type.Object(
        {
          leadId: Uuid,
          kind: literals(ENGAGEMENT_KINDS),
          at: Type.Optional(Timestamp),
          details: Type.Optional(EngagementDetails),
          externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your id of the event: sent again, it is recorded once' })),
        },
        { additionalProperties: false },
      ),
      response: { 200: EngagementEventSchema, 201: EngagementEventSchema, ...errors },
    },
  }, async (request, reply) => {
    const { event, created } = await recordEngagementEvent(request.ctx, request.body);
    return reply.status(created ? 201 : 200).send(event);
  });

  app.get('/api/v1/engagement-events', {
    schema: {
      tags,
      summary: 'A lead’s engagement, newest first',
      querystring: Type.Object({ leadId: Uuid, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }),
      response: { 200: Type.Object({ data: Type.Array(EngagementEventSchema) }), ...errors },
    },
  }, async (request) => ({ data: await listLeadEngagement(request.ctx, request.query.leadId, request.query.limit) }));
}
