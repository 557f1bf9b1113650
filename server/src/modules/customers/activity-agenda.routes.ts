import { Type, type TSchema } from 'typebox';
import { ErrorResponse, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { listTasks, TASK_VIEWS, visitPlan } from './activity-agenda.service.js';

const Counts = {
  planned: Type.Integer({ description: 'On the plan: scheduled before it was due' }),
  done: Type.Integer({ description: 'Checked in' }),
  missed: Type.Integer({ description: 'Time passed without a check-in' }),
  upcoming: Type.Integer(),
  cancelled: Type.Integer(),
  unplanned: Type.Integer({ description: 'Checked in without having been planned' }),
};

/** The rep's agenda: tasks by due time (overdue first) and the weekly visit plan against what was done. */
export function registerAgendaRoutes(app: App, activity: TSchema) {
  app.get('/api/v1/activities/tasks', {
    schema: {
      tags: ['Activities'],
      summary: 'Planned activities with a due time, soonest first: all open ones, or the overdue ones',
      querystring: Type.Object({
        view: Type.Optional(Type.Union(TASK_VIEWS.map((v) => Type.Literal(v)), { default: 'open' })),
        ownerId: Type.Optional(Uuid),
        teamId: Type.Optional(Uuid),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        cursor: Type.Optional(Type.String({ maxLength: 500 })),
      }),
      response: { 200: Type.Object({ data: Type.Array(activity), nextCursor: Nullable(Type.String()) }), 400: ErrorResponse },
    },
  }, async (request) => listTasks(request.ctx, { ...request.query, view: request.query.view ?? 'open' }));

  app.get('/api/v1/activities/visit-plan', {
    schema: {
      tags: ['Activities'],
      summary: "The week's visits in the tenant's time zone: planned, done (checked in) and missed, per day and per rep",
      querystring: Type.Object({
        week: Type.Optional(Type.String({ pattern: '^\\d{4}-W\\d{2}$', examples: ['2026-W48'], description: 'ISO week; this week when left out' })),
        date: Type.Optional(Type.String({ format: 'date', description: 'Any day of the week wanted (when no week is given)' })),
        ownerId: Type.Optional(Uuid),
        teamId: Type.Optional(Uuid),
      }),
      response: {
        200: Type.Object({
          week: Type.String(),
          timeZone: Type.String(),
          from: Type.String(),
          to: Type.String(),
          days: Type.Array(Type.Object({ date: Type.String(), ...Counts })),
          totals: Type.Object(Counts),
          owners: Type.Array(Type.Object({ ownerId: Uuid, ownerName: Nullable(Type.String()), ...Counts })),
          visits: Type.Array(Type.Intersect([activity, Type.Object({ day: Type.String(), planned: Type.Boolean(), outcome: Type.String() })])),
        }),
        400: ErrorResponse,
      },
    },
  }, async (request) => visitPlan(request.ctx, request.query));
}
