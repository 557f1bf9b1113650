import { executor, type RequestContext } from '../access/context.js';
import { uuidv7 } from '../db/ids.js';
import { outboxEvents } from './events.schema.js';

export interface EventInput {
  /** `<object>.<verb>`, e.g. `accounts.created`. */
  type: string;
  object: string;
  recordId?: string | null;
  payload: unknown;
}

/**
 * Records a domain event in the outbox, in the caller's transaction when there is one: the
 * event is dispatched (to subscribers and webhooks) only if the change it reports commits.
 */
export async function publishEvent(ctx: RequestContext, input: EventInput): Promise<string> {
  const id = uuidv7();
  await executor(ctx).insert(outboxEvents).values({
    tenantId: ctx.tenantId,
    id,
    type: input.type,
    object: input.object,
    recordId: input.recordId ?? null,
    actorId: ctx.actor.userId,
    payload: input.payload ?? {},
  });
  return id;
}
