import multipart from '@fastify/multipart';
import { Type, type TSchema } from 'typebox';
import type { AppDb } from '../../platform/db/client.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { fieldError } from '../../platform/http/errors.js';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { sendTables, TABLE_FORMATS, XLSX_TYPE } from '../../platform/http/table-export.js';
import { ErrorResponse, Money, Nullable, RecordBase, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../platform/access/context.js';
import type { App } from '../../platform/http/types.js';
import { maxFileMb } from '../imports/imports.service.js';
import { resolveScope, type AnalyticsFilters } from './analytics-scope.js';
import { ANALYTICS_TABLES } from './analytics-tables.js';
import { ATTRIBUTION_MODELS, campaignRoi, campaignRoiDrill, ROI_DRILLS, type AttributionModel } from './campaign-roi.service.js';
import { behaviour, behaviourDrill, BEHAVIOUR_DRILLS, keyAccountsDrill } from './behaviour.service.js';
import { CUSTOMER_SETS, customerList, repScope } from './customers.service.js';
import { executiveDashboard, managerDashboard, repDashboard } from './dashboards.service.js';
import { DEAL_BLANK_FIELDS, DEAL_DATE_FIELDS, DEAL_STATUSES, dealList } from './deals.service.js';
import { scheduleAnalyticsJobs } from './forecast-snapshot.job.js';
import { ADJUSTABLE_CATEGORIES, adjustForecast, FORECAST_GROUPS, forecast, forecastAccuracy, takeForecastSnapshot, type ForecastGroup } from './forecast.service.js';
import { funnel, funnelDrill } from './funnel.service.js';
import { planFunnel, type PlannerInput } from './planner.service.js';
import { HISTORY_KINDS } from './history-fields.js';
import { importHistory, type HistoryOptions } from './history-import.service.js';
import { lossReasons, RESULT_GROUPS, velocity, winRates, type ResultGroup } from './results.service.js';
import { attainment, createTarget, removeTarget, TARGET_METRICS, targetStore, updateTarget, type Target } from './targets.service.js';

const tags = ['Analytics'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (the tenant’s days)' });
/** Responses keep every field the service returns (charts read them as they are). */
const Open = (properties: Record<string, TSchema>, description?: string) => Type.Object(properties, { additionalProperties: true, description });

/** The filters every analytics endpoint takes (API.md: from, to, teamId, ownerId, region, productLineId, source). */
const filterQuery = {
  from: Type.Optional(Day),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day, inclusive' })),
  period: Type.Optional(Type.String({ description: 'Fiscal period: FY2025, FY2025-Q2, FY2025-M07 (default: the current quarter)' })),
  teamId: Type.Optional(Type.String({ format: 'uuid', description: 'The team and the teams below it' })),
  ownerId: Type.Optional(Uuid),
  region: Type.Optional(Type.String({ maxLength: 50, description: "The account's region" })),
  productLineId: Type.Optional(Uuid),
  source: Type.Optional(Type.String({ maxLength: 100, description: 'Lead source (deals converted from such leads)' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: "Deals in this currency (default: the tenant's)" })),
};
const Range = {
  from: Type.String(), to: Type.String(), period: Nullable(Type.String()), currency: Type.String(),
};
/** `?format=csv|xlsx` on every analytics table (default JSON). */
const Format = { format: Type.Optional(literals(['json', ...TABLE_FORMATS])) };
const produces = ['application/json', 'text/csv', XLSX_TYPE];

/** The result as JSON, or its tables as a CSV/XLSX download with headers in the caller's language. */
async function answer<T extends object>(request: { query: unknown; ctx: RequestContext }, reply: FastifyReply, name: keyof typeof ANALYTICS_TABLES, result: T): Promise<T> {
  const { format } = request.query as { format?: string };
  if (format !== 'csv' && format !== 'xlsx') return result;
  const r = result as Record<string, unknown>;
  const file = [name, r.step, r.period ?? r.from].filter(Boolean).join('-');
  // The download is sent; handing the reply back tells Fastify not to send anything else.
  return (await sendTables(reply, ANALYTICS_TABLES[name](r, request.ctx.locale), format, file)) as never;
}

const filtersOf = (q: Record<string, unknown>): AnalyticsFilters => {
  const { from, to, period, teamId, ownerId, region, productLineId, source, currency } = q as AnalyticsFilters;
  return { from, to, period, teamId, ownerId, region, productLineId, source, currency };
};

const TargetSchema = Type.Unsafe<Target>(Type.Object({
  ...RecordBase,
  ownerId: Nullable(Uuid),
  teamId: Nullable(Uuid),
  period: Type.String(),
  periodType: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  metric: literals(TARGET_METRICS),
  amount: Nullable(Money),
  quantity: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
}));

const Drill = Open({ path: Type.String(), query: Type.Record(Type.String(), Type.String()) }, 'Where the records behind the figure are listed: GET path?query');
/** Per figure, where its records are listed. */
const Drills = Type.Record(Type.String(), Drill);

const Figures = {
  pipeline: Type.String(), bestCase: Type.String(), commit: Type.String(), closed: Type.String(), weighted: Type.String(),
  openDeals: Type.Integer(), call: Type.String({ description: 'commit + closed' }), drill: Type.Optional(Drills),
};

export function registerAnalyticsRoutes(app: App, db: AppDb) {
  app.addHook('onReady', () => scheduleAnalyticsJobs(db));

  registerResourceRoutes(app, {
    path: '/api/v1/targets',
    tag: 'Analytics',
    store: targetStore,
    record: TargetSchema,
    create: Type.Object({
      ownerId: Type.Optional(Nullable(Uuid)),
      teamId: Type.Optional(Nullable(Uuid)),
      period: Type.String({ description: 'Fiscal period key: FY2025, FY2025-Q2 or FY2025-M07' }),
      metric: Type.Optional(literals(TARGET_METRICS)),
      amount: Type.Optional(Money),
      quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Visits or calls to do (metric visits | calls)' })),
      note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    }, { additionalProperties: false }),
    update: Type.Object({
      amount: Type.Optional(Money), quantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
      note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), version: Type.Optional(VersionField),
    }, { additionalProperties: false }),
    onCreate: (ctx, body) => createTarget(ctx, body as never),
    onUpdate: (ctx, id, patch, version) => updateTarget(ctx, id, patch as never, version),
    remove: true,
    onRemove: removeTarget,
    exportFields: ['id', 'period', 'ownerId', 'teamId', 'metric', 'amount', 'quantity', 'note'],
  });

  const ActivityTarget = Open({
    targetId: Uuid, ownerId: Nullable(Uuid), teamId: Nullable(Uuid), name: Nullable(Type.String()), metric: Type.String(),
    target: Type.Integer(), done: Type.Integer(), attainment: Nullable(Type.Number()), gap: Type.Integer(),
  }, 'An activity target (visits or calls) beside the done visits or calls of the period');
  app.get('/api/v1/analytics/attainment', {
    schema: {
      tags,
      summary: 'Attainment of each target of a fiscal period, in real time: won so far, gap, open pipeline',
      querystring: Type.Object({ period: filterQuery.period, currency: filterQuery.currency, ...Format }),
      produces,
      response: { 200: Open({ period: Type.String(), from: Type.String(), to: Type.String(), currency: Type.String(), rows: Type.Array(Open({
        targetId: Uuid, ownerId: Nullable(Uuid), teamId: Nullable(Uuid), name: Nullable(Type.String()), target: Type.String(), won: Type.String(),
        wonCount: Type.Integer(), attainment: Nullable(Type.Number()), gap: Type.String(), pipeline: Type.String(), weighted: Type.String(), drill: Drills,
      })), activities: Type.Array(ActivityTarget) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'attainment', await attainment(await resolveScope(request.ctx, filtersOf(request.query)))));

  const WinRateRow = Open({
    key: Nullable(Type.String()), label: Nullable(Type.String()), won: Type.Integer(), lost: Type.Integer(), winRate: Nullable(Type.Number()),
    wonAmount: Type.String(), lostAmount: Type.String(), averageDealSize: Nullable(Type.String()), salesCycleDays: Nullable(Type.Number()), drill: Drills,
  });
  app.get('/api/v1/analytics/win-rates', {
    schema: {
      tags,
      summary: 'Win rate, average deal size and sales-cycle length of the deals closed in the range, in total and per owner, team or region',
      querystring: Type.Object({ ...filterQuery, ...Format, groupBy: Type.Optional(literals(RESULT_GROUPS)) }),
      produces,
      response: { 200: Open({ ...Range, groupBy: Type.String(), total: WinRateRow, rows: Type.Array(WinRateRow) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'winRates',
    await winRates(await resolveScope(request.ctx, filtersOf(request.query)), (request.query.groupBy as ResultGroup) ?? 'owner')));

  app.get('/api/v1/analytics/velocity', {
    schema: {
      tags,
      summary: 'Stage velocity: days deals spend in each stage, how they leave it, how many are still in it; the sales cycle',
      querystring: Type.Object({ ...filterQuery, ...Format }),
      produces,
      response: { 200: Open({ ...Range, salesCycleDays: Nullable(Type.Number()), stages: Type.Array(Open({
        stageId: Uuid, name: Type.String(), processId: Uuid, order: Type.Integer(), entered: Type.Integer(), exited: Type.Integer(),
        stillIn: Type.Integer(), advanced: Type.Integer(), lost: Type.Integer(), averageDays: Nullable(Type.Number()), medianDays: Nullable(Type.Number()), drill: Drills,
      })) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'velocity', await velocity(await resolveScope(request.ctx, filtersOf(request.query)))));

  app.get('/api/v1/analytics/loss-reasons', {
    schema: {
      tags,
      summary: 'Deals lost in the range by reason, with amounts and shares',
      querystring: Type.Object({ ...filterQuery, ...Format }),
      produces,
      response: { 200: Open({ ...Range, lost: Type.Integer(), reasons: Type.Array(Open({
        reason: Nullable(Type.String()), label: Nullable(Type.String()), count: Type.Integer(), share: Nullable(Type.Number()), amount: Type.String(), drill: Drill,
      })) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'lossReasons', await lossReasons(await resolveScope(request.ctx, filtersOf(request.query)))));

  const Step = Open({
    key: Type.String(), label: Type.String(), count: Type.Integer(), conversion: Nullable(Type.Number()), overall: Nullable(Type.Number()),
    companyCount: Type.Integer(), companyConversion: Nullable(Type.Number()), leakiest: Type.Boolean(),
  });
  app.get('/api/v1/analytics/funnel', {
    schema: {
      tags,
      summary: 'Funnel leads → MQL → SQL → each stage → won, with conversion, the company beside it and the leakiest step; ?drill=<step> lists the records',
      description: 'Steps are cohorts of the range: leads created in it (and whether they ever became MQL / SQL), deals of the process created in it ' +
        '(and the furthest stage they reached; a won deal reached every stage). `drill` takes a step key (leads, mql, sql, stage:<stageId>, won).',
      querystring: Type.Object({ ...filterQuery, ...Format, processId: Type.Optional(Uuid), drill: Type.Optional(Type.String({ maxLength: 60 })) }),
      produces,
      response: {
        200: Type.Union([
          Open({ ...Range, processId: Uuid, steps: Type.Array(Step), leakiestStep: Nullable(Type.String()) }),
          Open({ step: Type.String(), object: Type.String(), truncated: Type.Boolean(), records: Type.Array(Open({ id: Uuid })) }),
        ]),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(request.ctx, filtersOf(request.query));
    const { processId, drill } = request.query;
    return answer(request, reply, 'funnel', drill ? await funnelDrill(scope, drill, { processId }) : await funnel(scope, { processId }));
  });

  app.get('/api/v1/analytics/forecast', {
    schema: {
      tags,
      summary: 'Forecast of a period: pipeline, best case, commit, closed, weighted and the call, per owner (with adjustments), team (rolled up), region or product line',
      querystring: Type.Object({ ...filterQuery, ...Format, groupBy: Type.Optional(literals(FORECAST_GROUPS)) }),
      produces,
      response: { 200: Open({ ...Range, groupBy: Type.String(), total: Open(Figures), rows: Type.Array(Open({ key: Nullable(Type.String()), ...Figures })) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'forecast',
    await forecast(await resolveScope(request.ctx, filtersOf(request.query)), (request.query.groupBy as ForecastGroup) ?? 'owner')));

  app.post('/api/v1/analytics/forecast/adjustments', {
    schema: {
      tags,
      summary: "A manager adjusts a subordinate's commit or best case for a period, with a note (the rep's own figure is kept beside it)",
      body: Type.Object({
        subjectId: Uuid,
        period: Type.Optional(Type.String()),
        category: literals(ADJUSTABLE_CATEGORIES),
        amount: Money,
        note: Type.String({ minLength: 1, maxLength: 2000 }),
      }, { additionalProperties: false }),
      response: { 201: Open({ id: Uuid, subjectId: Uuid, period: Type.String(), category: Type.String(), currency: Type.String(), original: Type.String(), adjusted: Type.String(), note: Type.String() }), ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await adjustForecast(request.ctx, request.body)));

  app.post('/api/v1/analytics/forecast/snapshots', {
    schema: {
      tags,
      summary: "Keep the current quarter's forecast as it stands now (the weekly job does this on Mondays)",
      response: { 201: Open({ id: Uuid, period: Type.String(), rows: Type.Integer() }), ...errors },
    },
  }, async (request, reply) => {
    requireLevel(request.ctx, 'analytics', 'create');
    return reply.status(201).send(await takeForecastSnapshot(request.ctx));
  });

  app.get('/api/v1/analytics/forecast-accuracy', {
    schema: {
      tags,
      summary: "Forecast accuracy per team from past snapshots against what closed, and today's call adjusted by each team's bias",
      querystring: Type.Object({ ...filterQuery, ...Format }),
      produces,
      response: { 200: Open({ ...Range, teams: Type.Array(Open({
        teamId: Uuid, name: Type.String(), accuracy: Nullable(Type.Number()), bias: Nullable(Type.Number()), currentCall: Type.String(),
        adjustedForecast: Nullable(Type.String()), snapshots: Type.Array(Open({})),
      })) }), ...errors },
    },
  }, async (request, reply) => answer(request, reply, 'forecastAccuracy', await forecastAccuracy(await resolveScope(request.ctx, filtersOf(request.query)))));

  const RoiFigures = {
    cost: Type.String(), leads: Type.Number(), mqls: Type.Number(), sqls: Type.Number(), opportunities: Type.Number(), pipeline: Type.String(),
    wonDeals: Type.Number(), won: Type.String(), costPerLead: Nullable(Type.String()), costPerMql: Nullable(Type.String()),
    roi: Nullable(Type.Number()), daysToOpportunity: Nullable(Type.Number()), drill: Type.Record(Type.String(), Drill),
  };
  const Alignment = { mqls: Type.Integer(), sqls: Type.Integer(), conversion: Nullable(Type.Number()), gapDays: Nullable(Type.Number()), drill: Drill };
  app.get('/api/v1/analytics/campaign-roi', {
    schema: {
      tags,
      summary: 'Campaign ROI per campaign, campaign type and in total with first-touch, last-touch or linear attribution; MQL → SQL alignment per month; ?drill= lists the records',
      description: 'Leads are the cohort created in the range (filters and visibility apply); costs are the entries booked in the range in the currency; ' +
        'deals are those of the credited leads. Credits are shares of a lead (linear: equal per touch up to conversion). ' +
        '`drill` (' + ROI_DRILLS.join(' | ') + ') with `campaignId` or `campaignType` lists the records (alignment: optionally `month`).',
      querystring: Type.Object({
        ...filterQuery,
        ...Format,
        model: Type.Optional(literals(ATTRIBUTION_MODELS)),
        campaignId: Type.Optional(Uuid),
        campaignType: Type.Optional(Type.String({ maxLength: 40 })),
        drill: Type.Optional(literals(ROI_DRILLS)),
        month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$' })),
      }),
      response: {
        200: Type.Union([
          Open({
            ...Range, model: Type.String(), total: Open(RoiFigures),
            byType: Type.Array(Open({ type: Type.String(), ...RoiFigures })),
            campaigns: Type.Array(Open({ campaignId: Uuid, name: Type.String(), type: Type.String(), ...RoiFigures })),
            alignment: Open({ ...Alignment, months: Type.Array(Open({ month: Type.String(), ...Alignment })) }),
          }),
          Open({ step: Type.String(), object: Type.String(), truncated: Type.Boolean(), records: Type.Array(Open({ id: Uuid })) }),
        ]),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(request.ctx, filtersOf(request.query));
    const { model, campaignId, campaignType, drill, month } = request.query;
    const opts = { model: model as AttributionModel | undefined, campaignId, campaignType };
    return answer(request, reply, 'campaignRoi', drill ? await campaignRoiDrill(scope, drill, { ...opts, month }) : await campaignRoi(scope, opts));
  });

  const DrillRecords = Open({ step: Type.String(), object: Type.String(), truncated: Type.Boolean(), records: Type.Array(Open({ id: Uuid })) });
  app.get('/api/v1/analytics/deals', {
    schema: {
      tags,
      summary: 'The deals behind a money figure: visible deals matching the filters, closing (or created) in the range, largest first',
      querystring: Type.Object({
        ...filterQuery,
        ...Format,
        status: Type.Optional(literals(DEAL_STATUSES)),
        forecastCategory: Type.Optional(Type.String({ maxLength: 80, description: 'A forecast category, or several separated by commas' })),
        stageId: Type.Optional(Uuid),
        enteredStageId: Type.Optional(Type.String({ format: 'uuid', description: 'Deals that entered this stage in the range (the range applies to the entry)' })),
        accountId: Type.Optional(Uuid),
        dealTeamId: Type.Optional(Type.String({ format: 'uuid', description: 'Deals of this very team, not of the teams below it' })),
        lossReason: Type.Optional(Type.String({ maxLength: 100 })),
        without: Type.Optional(literals(DEAL_BLANK_FIELDS)),
        lineShare: Type.Optional(Type.Boolean({ description: "With productLineId: each deal's amount is its lines' total in that product line" })),
        dateField: Type.Optional(literals(DEAL_DATE_FIELDS)),
      }),
      response: { 200: Open({ ...Range, object: Type.String(), truncated: Type.Boolean(), records: Type.Array(Open({ id: Uuid, name: Type.String() })) }), ...errors },
    },
  }, async (request, reply) => {
    const { status, forecastCategory, stageId, enteredStageId, accountId, dealTeamId, lossReason, without, lineShare, dateField } = request.query;
    const scope = await resolveScope(request.ctx, filtersOf(request.query));
    const opts = { status, forecastCategory, stageId, enteredStageId, accountId, dealTeamId, lossReason, without, lineShare, dateField };
    return answer(request, reply, 'deals', await dealList(scope, opts));
  });

  app.get('/api/v1/analytics/customers', {
    schema: {
      tags,
      summary: "A rep's accounts behind a customer figure of the rep dashboard: all, with open deals, with won deals or untapped; worth most first",
      querystring: Type.Object({
        ...filterQuery,
        ...Format,
        set: Type.Optional(literals(CUSTOMER_SETS)),
      }),
      response: { 200: DrillRecords, ...errors },
    },
  }, async (request, reply) => {
    const { ownerId, scope } = await repScope(request.ctx, filtersOf(request.query));
    return answer(request, reply, 'customers', await customerList(scope, ownerId, request.query.set));
  });

  const Counts = { visits: Type.Integer(), calls: Type.Integer(), drill: Type.Record(Type.String(), Drill) };
  app.get('/api/v1/analytics/behaviour', {
    schema: {
      tags,
      summary: 'Behaviour [OPP-7]: done visits and calls per rep and team per ISO week, key-account coverage by industry, contacts added, days from account to first opportunity, activity targets; ?drill=visit|call (with ownerId/teamId, week) lists the activities, ?drill=key-accounts (industry) the key accounts',
      querystring: Type.Object({
        ...filterQuery,
        ...Format,
        drill: Type.Optional(literals(BEHAVIOUR_DRILLS)),
        industry: Type.Optional(Type.String({ maxLength: 100, description: 'With drill=key-accounts: one industry' })),
        week: Type.Optional(Type.String({ pattern: '^\\d{4}-W\\d{2}$' })),
        days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: 'Key-account coverage: visits in the last N days (default 30)' })),
        keyAccounts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'When no account in scope is of segment key: how many accounts (by won + open amount) stand in as key accounts (default 50)' })),
      }),
      response: {
        200: Type.Union([
          Open({
            ...Range, total: Open(Counts),
            weeks: Type.Array(Open({ week: Type.String(), ...Counts })),
            reps: Type.Array(Open({ ownerId: Uuid, name: Nullable(Type.String()), ...Counts })),
            repWeeks: Type.Array(Open({ week: Type.String(), ownerId: Uuid, ...Counts })),
            teams: Type.Array(Open({ teamId: Nullable(Uuid), name: Nullable(Type.String()), ...Counts })),
            teamWeeks: Type.Array(Open({ week: Type.String(), teamId: Nullable(Uuid), ...Counts })),
            coverage: Open({ days: Type.Integer(), keyAccounts: Type.Integer(), basis: literals(['segment', 'top-value']), accounts: Type.Integer(), visited: Type.Integer(), coverage: Nullable(Type.Number()),
              industries: Type.Array(Open({ industry: Nullable(Type.String()), accounts: Type.Integer(), visited: Type.Integer(), coverage: Nullable(Type.Number()) })) }),
            contactsAdded: Open({ total: Type.Integer(), reps: Type.Array(Open({ ownerId: Uuid, added: Type.Integer() })) }),
            accountToOpportunity: Open({ accounts: Type.Integer(), withOpportunity: Type.Integer(), averageDays: Nullable(Type.Number()), medianDays: Nullable(Type.Number()) }),
            activityTargets: Type.Array(ActivityTarget),
          }),
          DrillRecords,
        ]),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const scope = await resolveScope(request.ctx, filtersOf(request.query));
    const { drill, week, days, keyAccounts, industry } = request.query;
    const result = drill === 'key-accounts' ? await keyAccountsDrill(scope, { days, keyAccounts, industry })
      : drill ? await behaviourDrill(scope, drill, week) : await behaviour(scope, { days, keyAccounts });
    return answer(request, reply, 'behaviour', result);
  });

  const dashboards = {
    executive: {
      summary: 'Executive dashboard: attainment by team and rep; results and forecast by region, team and product line; quarter and year forecast with the accuracy-adjusted call; campaign ROI',
      build: executiveDashboard,
    },
    manager: {
      summary: "Manager dashboard, the weekly review pack: the team's attainment, pipeline per stage and rep, visits and calls per rep and week, forecast per rep with adjustments, funnel beside the company's (teamId: default the caller's team)",
      build: managerDashboard,
    },
    rep: {
      summary: "Rep dashboard: own funnel, forecast and rank among the team's peers, customers, best customers (won amount) and untapped ones (ownerId: default the caller)",
      build: repDashboard,
    },
  } as const;
  for (const [name, d] of Object.entries(dashboards)) {
    app.get(`/api/v1/dashboards/${name}`, {
      schema: {
        tags: ['Dashboards'],
        summary: d.summary,
        description: 'Every figure carries `drill` links: GET path?query lists the records behind it. ' +
          "`format=xlsx` downloads every table, one sheet each (the manager's is the weekly review pack); `format=csv` the first table.",
        querystring: Type.Object({ ...filterQuery, ...Format }),
      produces,
        response: { 200: Open({ ...Range }), ...errors },
      },
    }, async (request, reply) => answer(request, reply, name as keyof typeof dashboards, await d.build(request.ctx, filtersOf(request.query))));
  }

  const Rate = Type.Number({ exclusiveMinimum: 0, maximum: 1 });
  const Amount = Type.String({ pattern: '^\\d{1,16}(\\.\\d{1,2})?$' });
  app.post('/api/v1/analytics/planner', {
    schema: {
      tags,
      summary: 'Funnel planner: from a revenue target or a growth % back to won deals, opportunities, SQLs, MQLs and leads, split by campaign type; plan beside actual',
      description: 'Rates are measured over the 12 months before the period (filters and visibility apply) unless given in `assumptions`; ' +
        'the answer returns the assumptions used so the caller can edit and post again. A rate that cannot be measured is named in `missing`, ' +
        'and the plan steps that need it (and those above it in the funnel) are null until it is given.',
      body: Type.Object({
        period: Type.Optional(Type.String({ description: 'Fiscal period to plan (default: the current quarter)' })),
        target: Type.Optional(Money),
        growth: Type.Optional(Type.Number({ minimum: -100, maximum: 10_000, description: 'Percent over the won revenue of the period before' })),
        teamId: filterQuery.teamId, ownerId: filterQuery.ownerId, region: filterQuery.region, source: filterQuery.source, currency: filterQuery.currency,
        assumptions: Type.Optional(Type.Object({
          averageDealSize: Type.Optional(Amount), winRate: Type.Optional(Rate), opportunitiesPerSql: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
          sqlPerMql: Type.Optional(Rate), mqlPerLead: Type.Optional(Rate),
          mix: Type.Optional(Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1 }))),
        }, { additionalProperties: false })),
      }, { additionalProperties: false }),
      response: {
        200: Open({
          ...Range, target: Type.String(), assumptions: Open({}), measured: Open({}),
          missing: Type.Array(Type.String(), { description: 'Assumptions without history to measure them: give them to plan the steps that need them' }),
          plan: Open({ revenue: Type.String(), wonDeals: Nullable(Type.Integer()), opportunities: Nullable(Type.Integer()), sqls: Nullable(Type.Integer()), mqls: Nullable(Type.Integer()), leads: Nullable(Type.Integer()) }),
          byCampaignType: Type.Array(Open({ type: Type.String(), share: Type.Number(), leads: Nullable(Type.Integer()), opportunities: Nullable(Type.Integer()) })),
          versusActual: Type.Array(Open({ metric: Type.String(), plan: Type.Union([Type.String(), Type.Number(), Type.Null()]), actual: Type.Union([Type.String(), Type.Number()]) })),
        }),
        ...errors,
      },
    },
  }, async (request) => planFunnel(request.ctx, request.body as PlannerInput));

  // History import: multipart parsing for this route only.
  const limitMb = maxFileMb();
  app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024 * 1024, parts: 20 } });
    scope.post('/api/v1/analytics/history-imports', {
      schema: {
        tags,
        summary: 'Import history from CSV/XLSX: accounts, products, sales-teams or opportunities (admins)',
        description: 'multipart/form-data: `kind` (' + HISTORY_KINDS.join(' | ') + '), `file`, optional `mapping` (JSON: column → field; ' +
          'default: suggested from the headers), `options` (JSON: currency, processId, stageMapping, missingAccountName, shiftDays, defaultCloseDays) ' +
          'and `dryRun` (true: do everything, then roll back; the answer says what an import would create and reject). ' +
          'Import accounts, products and sales teams before opportunities. Rows already imported (same name, or same opportunity id) are skipped.',
        consumes: ['multipart/form-data'],
        response: { 200: Open({ kind: Type.String(), dryRun: Type.Boolean(), rows: Type.Integer(), created: Type.Record(Type.String(), Type.Integer()), skipped: Type.Integer(),
          rejects: Type.Array(Open({ rowNumber: Type.Integer() })), mapping: Type.Record(Type.String(), Nullable(Type.String())),
          fields: Type.Array(Open({ key: Type.String(), label: Type.String(), required: Type.Boolean() })), stages: Type.Optional(Type.Array(Type.String())) }),
          413: ErrorResponse, ...errors },
      },
    }, async (request) => {
      const fields: Record<string, string> = {};
      let file: { name: string; bytes: Buffer } | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file') file = { name: part.filename ?? '', bytes };
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      if (!file) throw fieldError('file', 'HISTORY_FILE_REQUIRED');
      const json = (name: string) => {
        if (!fields[name]) return undefined;
        try {
          const value = JSON.parse(fields[name]) as unknown;
          if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, never>;
        } catch { /* refused below */ }
        throw fieldError(name, 'HISTORY_OPTIONS_INVALID');
      };
      return { ...(await importHistory(request.ctx, {
        kind: (fields.kind ?? '').trim(),
        fileName: file.name,
        bytes: file.bytes,
        mapping: json('mapping'),
        options: json('options') as HistoryOptions | undefined,
        dryRun: fields.dryRun === 'true',
      })) };
    });
  });
}
