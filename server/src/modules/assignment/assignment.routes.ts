import { Type, type TSchema } from 'typebox';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Nullable, RecordBase, Uuid, VersionField, filtersFrom } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { LeadSchema } from '../leads/leads.routes.js';
import { ASSIGNMENT_STRATEGIES, AssignmentCriteriaSchema } from './assignment-criteria.js';
import { listTeamMembers, removeMemberSettings, saveMemberSettings } from './assignment-members.service.js';
import { createRule, reorderRules, ruleStore } from './assignment-rules.service.js';
import { getAssignmentSettings, updateAssignmentSettings } from './assignment-settings.service.js';
import './assignment.subscribers.js';
import { leadFunnelReport, leadInbox, routingQueue } from './lead-inbox.service.js';
import { previewRouting, routeAndAssign } from './lead-routing.service.js';

const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
const Strategy = literals(ASSIGNMENT_STRATEGIES);
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * `type: [t, 'null']` rather than anyOf: with type coercion on, ajv would turn a null into 0 or ""
 * in the first branch of an anyOf.
 */
const orNull = <T>(schema: Record<string, unknown> & { type: string }) =>
  Type.Unsafe<T | null>({ ...schema, type: [schema.type, 'null'] });

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(orNull<string>({ type: 'string', maxLength: 2000 })),
  position: Type.Optional(Type.Integer({ minimum: 1, description: 'Evaluation order, 1 first; a new rule goes last by default' })),
  active: Type.Optional(Type.Boolean()),
  criteria: Type.Optional(AssignmentCriteriaSchema),
  teamId: Type.Optional(orNull<string>({ type: 'string', format: 'uuid' })),
  strategy: Type.Optional(Strategy),
};

const RuleSchema = Type.Object({
  ...RecordBase,
  name: Type.String(),
  description: Nullable(Type.String()),
  position: Type.Integer(),
  active: Type.Boolean(),
  criteria: AssignmentCriteriaSchema,
  teamId: Nullable(Uuid),
  teamName: Type.Optional(Nullable(Type.String())),
  strategy: Strategy,
});

const MemberSettings = {
  capacity: orNull<number>({ type: 'integer', minimum: 0, maximum: 100000, description: 'Most open leads at a time; null is no limit' }),
  weight: Type.Integer({ minimum: 1, maximum: 100, description: 'Share under least-loaded assignment' }),
  absentFrom: orNull<string>({ type: 'string', format: 'date-time' }),
  absentTo: orNull<string>({ type: 'string', format: 'date-time' }),
  active: Type.Boolean(),
};

const MemberSchema = Type.Object({
  teamId: Uuid,
  userId: Uuid,
  userName: Type.String(),
  inTeam: Type.Boolean(),
  customised: Type.Boolean(),
  userActive: Type.Boolean(),
  version: Nullable(Type.Integer()),
  ...MemberSettings,
  openLeads: Type.Integer(),
  available: Type.Boolean(),
});

const SettingsFields = {
  firstResponseSlaHours: Type.Number({ minimum: 0, maximum: 720, description: 'Hours to accept or reject an assigned lead; 0 is off' }),
  reminderPercent: Type.Integer({ minimum: 1, maximum: 99 }),
  escalateToManager: Type.Boolean(),
  mqlDefinition: orNull<string>({ type: 'string', maxLength: 4000 }),
  sqlDefinition: orNull<string>({ type: 'string', maxLength: 4000 }),
};
const SettingsSchema = Type.Object({ ...SettingsFields, version: Type.Integer(), updatedAt: Nullable(Type.String()) });

const DecisionReason = literals(['rule_matched', 'rule_targets_queue', 'no_rule_matched']);

/** The lead record with extra fields. */
function leadWith(extra: Record<string, TSchema>) {
  const base = LeadSchema as unknown as { properties: Record<string, TSchema>; required: string[] };
  return Type.Unsafe({ ...LeadSchema, properties: { ...base.properties, ...extra }, required: [...base.required, ...Object.keys(extra)] });
}

const InboxLead = leadWith({ slaDueAt: Nullable(Type.String()), slaBreached: Type.Boolean() });

const FunnelCounts = {
  mql: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  sql: Type.Integer(),
  recycled: Type.Integer(),
  disqualified: Type.Integer(),
  converted: Type.Integer(),
  mqlToSqlRate: Nullable(Type.Number()),
};

const FunnelSchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  filters: Type.Object({ source: Nullable(Type.String()), campaignId: Nullable(Type.String()) }),
  definitions: Type.Object({ mql: Nullable(Type.String()), sql: Nullable(Type.String()), mqlScoreBar: Nullable(Type.Number()) }),
  totals: Type.Object(FunnelCounts),
  bySource: Type.Array(Type.Object({ source: Nullable(Type.String()), ...FunnelCounts })),
  byCampaign: Type.Array(Type.Object({ campaignId: Nullable(Type.String()), ...FunnelCounts })),
  reasons: Type.Array(Type.Object({ action: Type.String(), reason: Type.String(), count: Type.Integer() })),
  timeInState: Type.Array(
    Type.Object({
      status: Type.String(),
      exits: Type.Integer(),
      stillIn: Type.Integer(),
      avgSeconds: Nullable(Type.Number()),
      medianSeconds: Nullable(Type.Number()),
    }),
  ),
});

const TeamUserParams = Type.Object({ teamId: Uuid, userId: Uuid });

export function registerAssignmentRoutes(app: App) {
  const tags = ['Assignment'];

  registerResourceRoutes(app, {
    path: '/api/v1/assignment-rules',
    tag: 'Assignment',
    store: ruleStore,
    record: RuleSchema,
    create: Type.Object({ ...ruleFields, strategy: Type.Optional(Strategy) }, { additionalProperties: false }),
    update: Type.Object(
      { ...Object.fromEntries(Object.entries(ruleFields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Optional(VersionField) } as Parameters<typeof Type.Object>[0],
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createRule(ctx, body),
    remove: true,
  });

  app.post('/api/v1/assignment-rules/reorder', {
    schema: {
      tags,
      summary: 'Put the rules in a new evaluation order (list every rule id once)',
      body: Type.Object({ ids: Type.Array(Uuid, { maxItems: 1000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(RuleSchema) }), ...errors },
    },
  }, async (request) => ({ data: await reorderRules(request.ctx, request.body.ids) }));

  app.post('/api/v1/assignment-rules/preview', {
    schema: {
      tags,
      summary: 'Where leads would go, without saving: the given leads (or the routing queue) under the saved rules or a draft rule set',
      body: Type.Object(
        {
          leadIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })),
          rules: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  id: Type.Optional(Type.String({ maxLength: 100 })),
                  name: Type.String({ minLength: 1, maxLength: 200 }),
                  active: Type.Optional(Type.Boolean()),
                  criteria: AssignmentCriteriaSchema,
                  teamId: orNull<string>({ type: 'string', format: 'uuid' }),
                  strategy: Type.Optional(Strategy),
                },
                { additionalProperties: false },
              ),
              { maxItems: 500 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      response: {
        200: Type.Object({
          data: Type.Array(Type.Object({
            leadId: Uuid,
            leadName: Type.String(),
            company: Nullable(Type.String()),
            ruleId: Nullable(Type.String()),
            ruleName: Nullable(Type.String()),
            teamId: Nullable(Uuid),
            teamName: Nullable(Type.String()),
            queue: Nullable(Type.Literal('routing')),
            reason: DecisionReason,
            matched: Type.Array(Type.String()),
          })),
          summary: Type.Array(Type.Object({
            teamId: Nullable(Uuid),
            teamName: Nullable(Type.String()),
            queue: Nullable(Type.Literal('routing')),
            count: Type.Integer(),
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => previewRouting(request.ctx, request.body ?? {}));

  app.post('/api/v1/leads/:id/route', {
    schema: {
      tags: ['Leads'],
      summary: 'Run the assignment rules on the lead now: to the next rep of the matching team, or to the routing queue',
      params: IdParams,
      response: {
        200: Type.Object({
          outcome: literals(['assigned', 'queued']),
          ownerId: Nullable(Uuid),
          teamId: Nullable(Uuid),
          ruleId: Nullable(Type.String()),
          ruleName: Nullable(Type.String()),
          reason: literals(['rule_matched', 'rule_targets_queue', 'no_rule_matched', 'no_available_member']),
          matched: Type.Array(Type.String()),
          lead: LeadSchema,
        }),
        ...errors,
      },
    },
  }, async (request) => {
    const result = await routeAndAssign(request.ctx, request.params.id);
    return {
      outcome: result.outcome,
      ownerId: result.ownerId,
      teamId: result.decision.teamId,
      ruleId: result.decision.ruleId,
      ruleName: result.decision.ruleName,
      reason: result.queueReason ?? result.decision.reason,
      matched: result.decision.matched,
      lead: result.lead,
    };
  });

  app.get('/api/v1/assignment-members', {
    schema: {
      tags,
      summary: "A team's lead receivers with their capacity, weight, absence and open leads",
      querystring: Type.Object({ teamId: Uuid }),
      response: { 200: Type.Object({ data: Type.Array(MemberSchema) }), ...errors },
    },
  }, async (request) => ({ data: await listTeamMembers(request.ctx, request.query.teamId) }));

  app.put('/api/v1/assignment-members/:teamId/:userId', {
    schema: {
      tags,
      summary: "Save a member's settings in a team's rotation (adds the user to it when not in the team)",
      params: TeamUserParams,
      body: Type.Partial(Type.Object(MemberSettings), { additionalProperties: false }),
      response: { 200: MemberSchema, ...errors },
    },
  }, async (request) => saveMemberSettings(request.ctx, request.params.teamId, request.params.userId, request.body));

  app.delete('/api/v1/assignment-members/:teamId/:userId', {
    schema: {
      tags,
      summary: "Forget a member's settings (back to the defaults, or out of the rotation)",
      params: TeamUserParams,
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await removeMemberSettings(request.ctx, request.params.teamId, request.params.userId);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/assignment-settings', {
    schema: { tags, summary: 'First-response SLA and the MQL / SQL definitions', response: { 200: SettingsSchema, ...errors } },
  }, async (request) => getAssignmentSettings(request.ctx));

  app.patch('/api/v1/assignment-settings', {
    schema: {
      tags,
      summary: 'Change the first-response SLA or the MQL / SQL definitions',
      body: Type.Object(
        { ...Object.fromEntries(Object.entries(SettingsFields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Optional(VersionField) } as Parameters<typeof Type.Object>[0],
        { additionalProperties: false },
      ),
      response: { 200: SettingsSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...patch } = request.body as Record<string, unknown>;
    return updateAssignmentSettings(request.ctx, patch, version as number | undefined);
  });

  app.get('/api/v1/leads/inbox', {
    schema: {
      tags: ['Leads'],
      summary: "The caller's assigned leads waiting for accept or reject, longest waiting first, with the SLA deadline",
      response: { 200: Type.Object({ data: Type.Array(InboxLead), slaHours: Type.Number() }), ...errors },
    },
  }, async (request) => leadInbox(request.ctx));

  app.get('/api/v1/leads/routing-queue', {
    schema: {
      tags: ['Leads'],
      summary: 'Leads waiting for marketing operations to route them by hand, oldest first',
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        cursor: Type.Optional(Type.String()),
        q: Type.Optional(Type.String({ maxLength: 200 })),
        'filter[source]': Type.Optional(Type.String()),
        'filter[teamId]': Type.Optional(Type.String()),
        'filter[region]': Type.Optional(Type.String()),
      }),
      response: { 200: Type.Object({ data: Type.Array(LeadSchema), nextCursor: Nullable(Type.String()) }), ...errors },
    },
  }, async (request) => {
    const q = request.query as Record<string, unknown>;
    return routingQueue(request.ctx, {
      q: q.q as string | undefined,
      limit: q.limit as number | undefined,
      cursor: q.cursor as string | undefined,
      filters: filtersFrom(q),
    });
  });

  app.get('/api/v1/analytics/lead-funnel', {
    schema: {
      tags: ['Analytics'],
      summary: 'MQL→SQL conversion of the MQLs of a period, by source and campaign; reasons given; time in each status',
      querystring: Type.Object({
        from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 90 days before `to`' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now (exclusive)' })),
        source: Type.Optional(Type.String({ maxLength: 100 })),
        campaignId: Type.Optional(Uuid),
      }),
      response: { 200: FunnelSchema, ...errors },
    },
  }, async (request) => {
    const { from, to, source, campaignId } = request.query;
    return leadFunnelReport(request.ctx, {
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
      source,
      campaignId,
    });
  });
}
