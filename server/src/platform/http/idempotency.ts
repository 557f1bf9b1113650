import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { idempotencyKeys } from '../tenancy/tenancy.schema.js';
import { AppError } from './errors.js';
import type { App } from './types.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * `Idempotency-Key` on a POST makes a retry safe: the first request's response is stored and
 * replayed for the same key; the same key with a different request is refused.
 * A key whose first request failed with a server error is released so the retry can run.
 */
export function registerIdempotency(app: App, db: AppDb) {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.ctx) return;
    const { tenantId } = request.ctx;
    const requestHash = createHash('sha256')
      .update(`${request.ctx.actor.userId}|${request.url}|${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ tenantId, key, userId: request.ctx.actor.userId ?? tenantId, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotencyKey = key;
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== requestHash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED');
    if (prior.statusCode === null) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS');
    return reply
      .status(prior.statusCode)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(prior.response));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key) return payload;
    const where = and(eq(idempotencyKeys.tenantId, request.ctx.tenantId), eq(idempotencyKeys.key, key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
    } else {
      const response = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
      await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, response }).where(where);
    }
    return payload;
  });
}

export async function purgeIdempotencyKeys(db: AppDb) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - IDEMPOTENCY_TTL_MS)));
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey?: string;
  }
}
