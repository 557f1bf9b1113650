import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../access/context.js';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/client.js';
import { auditHeads, auditLog, type FieldChanges } from './audit.schema.js';
import { entryHash, GENESIS_HASH, type ChainedEntry } from './audit-chain.js';

export interface AuditInput {
  action: 'create' | 'update' | 'delete' | string;
  object: string;
  recordId: string;
  changes: FieldChanges;
}

/**
 * Appends one entry to the tenant's chain. Must run inside the transaction that makes the
 * change, so the change and its record commit (or roll back) together.
 */
export function appendAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  return appendAuditBatch(ctx, [input]);
}

/** Entries per INSERT statement (they travel as one JSON parameter). */
const AUDIT_INSERT_ROWS = 2000;

/**
 * Appends entries to the tenant's chain in input order, with the same canonical hashing as
 * one at a time, in two statements for up to AUDIT_INSERT_ROWS entries: the first reserves the
 * seq range (and locks the tenant's head row until commit, so appends stay serialised per
 * tenant), the second inserts the entries and moves the head's hash. Must run inside the
 * transaction that makes the changes.
 */
export async function appendAuditBatch(ctx: RequestContext, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const exec = executor(ctx);
  const count = inputs.length;
  const [head] = await queryRows<{ seq: string | number; hash: string }>(
    exec,
    sql`INSERT INTO audit_heads (tenant_id, seq, hash) VALUES (${ctx.tenantId}, ${count}, ${GENESIS_HASH})
        ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_heads.seq + ${count}
        RETURNING seq, hash`,
  );
  const firstSeq = Number(head.seq) - count + 1;
  const at = new Date();
  let prevHash = head.hash;
  const rows = inputs.map((input, i) => {
    const entry: ChainedEntry = {
      tenantId: ctx.tenantId,
      seq: firstSeq + i,
      at,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      apiKeyId: ctx.actor.apiKeyId ?? null,
      ip: ctx.ip ?? null,
      userAgent: ctx.userAgent ?? null,
      action: input.action,
      object: input.object,
      recordId: input.recordId,
      changes: input.changes,
      prevHash,
    };
    prevHash = entryHash(entry);
    return { entry, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_ROWS) {
    const chunk = rows.slice(i, i + AUDIT_INSERT_ROWS);
    const entries = chunk.map(({ entry: e, hash }) => ({
      tenant_id: e.tenantId, seq: e.seq, at: e.at.toISOString(), actor_kind: e.actorKind, actor_id: e.actorId,
      actor_name: e.actorName, api_key_id: e.apiKeyId, ip: e.ip, user_agent: e.userAgent, action: e.action,
      object: e.object, record_id: e.recordId, changes: e.changes, prev_hash: e.prevHash, hash,
    }));
    const insert = sql`INSERT INTO audit_log (tenant_id, seq, at, actor_kind, actor_id, actor_name, api_key_id, ip, user_agent,
        action, object, record_id, changes, prev_hash, hash)
      SELECT tenant_id, seq, at, actor_kind, actor_id, actor_name, api_key_id, ip, user_agent, action, object, record_id, changes, prev_hash, hash
      FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS e(tenant_id uuid, seq bigint, at timestamptz, actor_kind text,
        actor_id uuid, actor_name text, api_key_id uuid, ip text, user_agent text, action text, object text, record_id uuid,
        changes jsonb, prev_hash text, hash text)
      ORDER BY seq`;
    const last = i + AUDIT_INSERT_ROWS >= rows.length;
    // The last chunk moves the head in the same statement.
    await exec.execute(
      last ? sql`WITH appended AS (${insert}) UPDATE audit_heads SET hash = ${prevHash} WHERE tenant_id = ${ctx.tenantId}` : insert,
    );
  }
}

export interface AuditQuery {
  recordIds?: string[];
  object?: string;
  /** Entries with a smaller seq than this (paging newest first). */
  beforeSeq?: number;
  beforeAt?: Date;
  limit: number;
}

export type AuditEntry = typeof auditLog.$inferSelect;

export async function listAudit(ctx: RequestContext, query: AuditQuery): Promise<AuditEntry[]> {
  const conditions = [eq(auditLog.tenantId, ctx.tenantId)];
  if (query.recordIds) conditions.push(inArray(auditLog.recordId, query.recordIds));
  if (query.object) conditions.push(eq(auditLog.object, query.object));
  if (query.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, query.beforeSeq));
  if (query.beforeAt) conditions.push(lt(auditLog.at, query.beforeAt));
  return executor(ctx)
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenSeq?: number;
  reason?: 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch';
}

const VERIFY_BATCH = 1000;

/**
 * Recomputes every hash of the tenant's chain in order. Catches an edited entry (its hash no
 * longer matches), a deleted one (a gap in seq or a broken prev link) and a cut tail (the
 * head no longer matches the last entry).
 */
export async function verifyAuditChain(exec: Executor, tenantId: string): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await exec
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(VERIFY_BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'missing_entry' };
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'broken_link' };
      const { hash, ...entry } = row;
      if (entryHash(entry) !== hash) return { ok: false, checked, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  const [head] = await exec.select().from(auditHeads).where(eq(auditHeads.tenantId, tenantId));
  const headSeq = head ? head.seq : 0;
  if (headSeq !== checked || (head && head.hash !== prevHash)) {
    return { ok: false, checked, firstBrokenSeq: checked + 1, reason: 'head_mismatch' };
  }
  return { ok: true, checked };
}
