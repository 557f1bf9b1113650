import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { uuidv7, UUID_RE } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { emailSuppressions, type SuppressionReason } from './nurture.schema.js';

export interface Suppression {
  id: string;
  email: string;
  reason: SuppressionReason;
  leadId: string | null;
  details: string | null;
  createdBy: string | null;
  createdAt: string;
}

const toApi = ({ tenantId: _t, createdAt, ...row }: typeof emailSuppressions.$inferSelect): Suppression => ({
  ...row,
  createdAt: createdAt.toISOString(),
});

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The reason each of these addresses is suppressed, by lower-cased address. */
export async function suppressionsFor(ctx: RequestContext, emails: (string | null)[]): Promise<Map<string, SuppressionReason>> {
  const list = [...new Set(emails.filter((e): e is string => Boolean(e)).map(normalizeEmail))];
  if (list.length === 0) return new Map();
  const rows = await executor(ctx)
    .select({ email: emailSuppressions.email, reason: emailSuppressions.reason })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.tenantId, ctx.tenantId), inArray(emailSuppressions.email, list)));
  return new Map(rows.map((r) => [r.email, r.reason]));
}

export async function suppressionReason(ctx: RequestContext, email: string | null): Promise<SuppressionReason | null> {
  if (!email) return null;
  return (await suppressionsFor(ctx, [email])).get(normalizeEmail(email)) ?? null;
}

export interface SuppressInput {
  email: string;
  reason: SuppressionReason;
  leadId?: string | null;
  details?: string | null;
}

/**
 * Puts an address on the list (system work: unsubscribes, bounces, do-not-contact). An address
 * already there keeps its first reason. Returns whether it was added.
 */
export async function suppress(ctx: RequestContext, input: SuppressInput): Promise<boolean> {
  return (await suppressMany(ctx, [input])) > 0;
}

/** `suppress` for many addresses in one statement; the first input of an address wins. Returns how many were added. */
export async function suppressMany(ctx: RequestContext, inputs: readonly SuppressInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = await executor(ctx)
    .insert(emailSuppressions)
    .values(inputs.map((input) => ({
      tenantId: ctx.tenantId,
      id: uuidv7(),
      email: normalizeEmail(input.email),
      reason: input.reason,
      leadId: input.leadId ?? null,
      details: input.details ?? null,
      createdBy: ctx.actor.userId,
    })))
    .onConflictDoNothing()
    .returning({ id: emailSuppressions.id });
  return rows.length;
}

/** The list, newest first; `cursor` is the last id of the previous page. */
export async function listSuppressions(ctx: RequestContext, query: { q?: string; limit?: number; cursor?: string }) {
  requireLevel(ctx, 'nurture_programs', 'read');
  if (query.cursor !== undefined && !UUID_RE.test(query.cursor)) throw new AppError(400, 'INVALID_CURSOR');
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await executor(ctx)
    .select()
    .from(emailSuppressions)
    .where(and(
      eq(emailSuppressions.tenantId, ctx.tenantId),
      query.q?.trim() ? eq(emailSuppressions.email, normalizeEmail(query.q)) : undefined,
      query.cursor ? lt(emailSuppressions.id, query.cursor) : undefined,
    ))
    .orderBy(desc(emailSuppressions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page.map(toApi), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** Suppresses an address by hand (audited). Its leads leave their programs at their next step. */
export function addSuppression(ctx: RequestContext, input: { email: string; details?: string | null }): Promise<Suppression> {
  requireLevel(ctx, 'nurture_programs', 'update');
  return inTransaction(ctx, async (ctx) => {
    const email = normalizeEmail(input.email);
    await suppress(ctx, { email, reason: 'manual', details: input.details ?? null });
    const [row] = await executor(ctx)
      .select()
      .from(emailSuppressions)
      .where(and(eq(emailSuppressions.tenantId, ctx.tenantId), eq(emailSuppressions.email, email)));
    await appendAudit(ctx, { action: 'create', object: 'email_suppressions', recordId: row.id, changes: { email: { before: null, after: email } } });
    return toApi(row);
  });
}

/** Takes an address off the list (audited), e.g. after a mistaken bounce. */
export function removeSuppression(ctx: RequestContext, id: string): Promise<void> {
  requireLevel(ctx, 'nurture_programs', 'update');
  if (!UUID_RE.test(id)) throw notFound();
  return inTransaction(ctx, async (ctx) => {
    const [row] = await executor(ctx)
      .delete(emailSuppressions)
      .where(and(eq(emailSuppressions.tenantId, ctx.tenantId), eq(emailSuppressions.id, id)))
      .returning();
    if (!row) throw notFound();
    await appendAudit(ctx, {
      action: 'delete',
      object: 'email_suppressions',
      recordId: row.id,
      changes: { email: { before: row.email, after: null }, reason: { before: row.reason, after: null } },
    });
  });
}
