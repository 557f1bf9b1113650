import { sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../access/context.js';
import { uuidv7 } from '../db/ids.js';

export interface EventInput {
  /** `<object>.<verb>`, e.g. `accounts.created`. */
  type: string;
  object: string;
  recordId?: string | null;
  payload: unknown;
}

/** Outbox rows per INSERT statement (they travel as one JSON parameter). */
const EVENT_INSERT_ROWS = 1000;

/**
 * Records a domain event in the outbox, in the caller's transaction when there is one: the
 * event is dispatched (to subscribers and webhooks) only if the change it reports commits.
 */
export async function publishEvent(ctx: RequestContext, input: EventInput): Promise<string> {
  const [id] = await publishEvents(ctx, [input]);
  return id;
}

/**
 * Records many domain events (a bulk write's) in multi-row INSERTs, in input order, with the
 * same guarantee as publishEvent. Returns their ids.
 */
export async function publishEvents(ctx: RequestContext, inputs: readonly EventInput[]): Promise<string[]> {
  const rows = inputs.map((input) => ({
    tenant_id: ctx.tenantId,
    id: uuidv7(),
    type: input.type,
    object: input.object,
    record_id: input.recordId ?? null,
    actor_id: ctx.actor.userId,
    payload: input.payload ?? {},
  }));
  for (let i = 0; i < rows.length; i += EVENT_INSERT_ROWS) {
    // The table `outbox_events` (events.schema.ts); occurred_at takes its default.
    await executor(ctx).execute(sql`INSERT INTO outbox_events (tenant_id, id, type, object, record_id, actor_id, payload)
      SELECT tenant_id, id, type, object, record_id, actor_id, payload
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + EVENT_INSERT_ROWS))}::jsonb)
        AS e(tenant_id uuid, id uuid, type text, object text, record_id uuid, actor_id uuid, payload jsonb)`);
  }
  return rows.map((r) => r.id);
}
