import { and, eq, getTableName, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { queryRows } from '../../platform/db/client.js';
import { analyzeIfGrown } from '../../platform/db/statistics.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import { DEDUP_STORES, loadRecords, storeColumns } from './dedup-stores.js';
import { keyEvidence, MAX_KEY_RECORDS } from './index.js';
import { levelAtLeast, type PairLevel } from './duplicate-groups.js';
import { dedupIndexState, dedupKeys, dedupPairs } from './duplicates.schema.js';
import {
  matchSignature,
  prepareRecord,
  recordKeys,
  scoreRecords,
  type DedupObject,
  type MatchableRecord,
  type PreparedRecord,
} from './party-of-record.js';

/**
 * The candidate index (the SQL of duplicate detection lives here). Each record's blocking keys are
 * stored; a record is compared only with records sharing a key, and keys shared by more than
 * MAX_KEY_RECORDS records (a common surname bigram, a business centre's switchboard) are skipped
 * as too common to tell anything. Two people are compared only when they share a contact point or
 * both a name and a workplace key (as CRMs' standard lead rules do: e-mail, or name and company):
 * a name alone meets every namesake, a company every colleague. Pairs scoring "possible" or better
 * are kept for the group list.
 */
/** Candidates compared per record: those sharing the most keys. */
export const MAX_CANDIDATES = 300;
/** Records indexed per transaction. */
const BATCH = 200;
/** Records indexed at once from which the index's statistics are checked. */
const BULK = 100;
/** Rows per multi-row INSERT. */
const INSERT_ROWS = 1000;

const asRecord = (r: ApiRecord) => r as unknown as MatchableRecord;
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const uuidArray = (values: readonly string[]) => sql`${sql.param([...values])}::uuid[]`;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += INSERT_ROWS) await insert(rows.slice(i, i + INSERT_ROWS));
}

/**
 * The records of a key, as a subquery (column `record_id`): no more than MAX_KEY_RECORDS + 1 of
 * them, enough to tell a key too common to say anything from one that is not.
 */
const firstEntries = (ctx: RequestContext, key: SQL, object: SQL) =>
  sql`(SELECT record_id FROM dedup_keys WHERE tenant_id = ${ctx.tenantId} AND key = ${key} AND object = ${object} LIMIT ${MAX_KEY_RECORDS + 1}) AS entries`;

/**
 * Keys shared by at most MAX_KEY_RECORDS records of each of the objects (the record itself
 * included). Counting stops past the limit: a key as common as 公司 would otherwise count
 * thousands of index entries for every record asking.
 */
export async function usefulKeys(ctx: RequestContext, objects: readonly DedupObject[], keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await queryRows<{ key: string }>(
    executor(ctx),
    sql`SELECT DISTINCT s.key FROM unnest(${textArray(keys)}) AS s(key) CROSS JOIN unnest(${textArray(objects)}) AS o(object)
        WHERE (SELECT count(*) FROM ${firstEntries(ctx, sql`s.key`, sql`o.object`)}) > ${MAX_KEY_RECORDS}`,
  );
  const common = new Set(rows.map((r) => r.key));
  return new Set(keys.filter((k) => !common.has(k)));
}

/**
 * `peopleShareEnough` (blocking.ts) as a condition on a group of shared keys (column `evidence`,
 * see `keyEvidence`): a contact point, or a name and a workplace.
 */
const SHARES_IDENTITY = sql`bool_or(evidence = 'identity')`;
const PEOPLE_SHARE_ENOUGH = sql`(${SHARES_IDENTITY}
  OR (bool_or(evidence IN ('name', 'name+place')) AND bool_or(evidence IN ('place', 'name+place'))))`;

/**
 * Records of `objects` sharing any of `keys` (already filtered by `usefulKeys`) with the record
 * asking (`exclude`), the ones sharing a contact point, then the most keys, first; at most
 * MAX_CANDIDATES. A person asking meets other people only on the terms of PEOPLE_SHARE_ENOUGH.
 */
export async function candidatesByKeys(
  ctx: RequestContext,
  asking: DedupObject,
  objects: readonly DedupObject[],
  keys: readonly string[],
  exclude: string,
): Promise<{ object: DedupObject; id: string }[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows<{ object: DedupObject; id: string }>(
    executor(ctx),
    sql`SELECT k.object, k.record_id AS id
        FROM unnest(${textArray(keys)}, ${textArray(keys.map(keyEvidence))}) AS s(key, evidence)
        JOIN dedup_keys k ON k.tenant_id = ${ctx.tenantId} AND k.key = s.key AND k.object = ANY(${textArray(objects)})
        WHERE k.record_id <> ${exclude}
        GROUP BY k.object, k.record_id
        ${asking === 'accounts' ? sql`` : sql`HAVING k.object = 'accounts' OR ${PEOPLE_SHARE_ENOUGH}`}
        ORDER BY ${SHARES_IDENTITY} DESC, count(*) DESC, k.record_id LIMIT ${MAX_CANDIDATES}`,
  );
  return rows;
}

interface IndexOptions {
  /** Match again even where the signature says nothing changed (a rebuild). */
  force?: boolean;
}

/**
 * Brings the index up to date for these records (read by a system context of the tenant, so every
 * record is seen): keys, state and the pairs they form with the records sharing their keys.
 * Runs in the caller's transaction.
 */
export async function indexRecords(ctx: RequestContext, object: DedupObject, records: readonly ApiRecord[], opts: IndexOptions = {}): Promise<void> {
  if (records.length === 0) return;
  const exec = executor(ctx);
  const ids = records.map((r) => r.id);
  const states = await exec
    .select({ recordId: dedupIndexState.recordId, signature: dedupIndexState.signature })
    .from(dedupIndexState)
    .where(and(eq(dedupIndexState.tenantId, ctx.tenantId), eq(dedupIndexState.object, object), inArray(dedupIndexState.recordId, ids)));
  const known = new Map(states.map((s) => [s.recordId, s.signature]));
  const now = new Date();
  const stateRows = records.map((r) => ({
    tenantId: ctx.tenantId,
    object,
    recordId: r.id,
    version: r.version,
    signature: matchSignature(object, asRecord(r)),
    indexedAt: now,
  }));
  await exec
    .insert(dedupIndexState)
    .values(stateRows)
    .onConflictDoUpdate({
      target: [dedupIndexState.tenantId, dedupIndexState.object, dedupIndexState.recordId],
      set: { version: sql`excluded.version`, signature: sql`excluded.signature`, indexedAt: sql`excluded.indexed_at` },
    });
  const changed = records.filter((r, i) => opts.force || known.get(r.id) !== stateRows[i].signature);
  if (changed.length === 0) return;

  const prepared = new Map(changed.map((r) => [r.id, prepareRecord(object, asRecord(r))]));
  const keysOf = new Map([...prepared].map(([id, p]) => [id, recordKeys(p)]));
  const changedIds = [...prepared.keys()];
  // A record the index has no state for has no keys and no pairs yet (new ones, an import's).
  const reindexed = changedIds.filter((id) => known.has(id));
  await deleteKeys(ctx, object, reindexed);
  const keyRows = [...keysOf].flatMap(([recordId, keys]) => keys.map((key) => ({ key, recordId })));
  // The keys as two arrays in one statement: as a multi-row VALUES (four parameters a key, some
  // 7 000 keys for 500 leads) they took longer to build and parse than to write.
  if (keyRows.length) {
    await exec.execute(sql`INSERT INTO dedup_keys (tenant_id, key, object, record_id)
      SELECT ${ctx.tenantId}::uuid, k.key, ${object}, k.record_id
      FROM unnest(${textArray(keyRows.map((k) => k.key))}, ${uuidArray(keyRows.map((k) => k.recordId))}) AS k(key, record_id)
      ON CONFLICT DO NOTHING`);
  }
  // A bulk of records (an import's) may have just grown the index from nothing: see analyzeIfGrown.
  if (changed.length >= BULK) for (const table of [dedupKeys, dedupPairs]) await analyzeIfGrown(exec, getTableName(table));

  // Candidates of every changed record in one query, then scored here. The changed records' keys
  // go in as arrays, not read back from the table: right after a bulk load the table has no
  // statistics yet, and a self-join planned on none ran for tens of seconds per 500 leads. Each
  // distinct key's entries are read once, at most MAX_KEY_RECORDS + 1 of them: a key with more is
  // too common to say anything (usefulKeys), and one with fewer hands its records on as they are.
  const shared = keyRows.length
    ? await queryRows<{ src: string; cand: string; n: number; identity: boolean }>(
        exec,
        sql`WITH s AS (
              SELECT * FROM unnest(${uuidArray(keyRows.map((k) => k.recordId))}, ${textArray(keyRows.map((k) => k.key))},
                                   ${textArray(keyRows.map((k) => keyEvidence(k.key)))}) AS s(src, key, evidence)),
            entries AS (
              SELECT q.key, e.ids FROM (SELECT DISTINCT key FROM s) AS q
              CROSS JOIN LATERAL (SELECT array_agg(record_id) AS ids FROM ${firstEntries(ctx, sql`q.key`, sql`${object}`)}) AS e
              WHERE cardinality(e.ids) <= ${MAX_KEY_RECORDS})
            SELECT s.src, c.cand, count(*)::int AS n, ${SHARES_IDENTITY} AS identity
            FROM s JOIN entries USING (key) CROSS JOIN unnest(entries.ids) AS c(cand)
            WHERE c.cand <> s.src
            GROUP BY s.src, c.cand
            ${object === 'accounts' ? sql`` : sql`HAVING ${PEOPLE_SHARE_ENOUGH}`}`,
      )
    : [];
  const bySource = new Map<string, { cand: string; n: number; identity: boolean }[]>();
  for (const row of shared) bySource.set(row.src, [...(bySource.get(row.src) ?? []), row]);
  const wanted = new Set<string>();
  for (const list of bySource.values()) {
    list.sort((x, y) => Number(y.identity) - Number(x.identity) || y.n - x.n || x.cand.localeCompare(y.cand));
    for (const { cand } of list.slice(0, MAX_CANDIDATES)) wanted.add(cand);
  }
  const outside = [...wanted].filter((id) => !prepared.has(id));
  const loaded = await loadRecords(ctx, object, outside);
  const preparedOf = (id: string): PreparedRecord | undefined => {
    if (prepared.has(id)) return prepared.get(id);
    const record = loaded.get(id);
    if (!record) return undefined;
    const p = prepareRecord(object, asRecord(record));
    prepared.set(id, p);
    return p;
  };

  const pairs = new Map<string, typeof dedupPairs.$inferInsert>();
  for (const [src, list] of bySource) {
    const a = preparedOf(src)!;
    for (const { cand } of list.slice(0, MAX_CANDIDATES)) {
      const b = preparedOf(cand);
      if (!b) continue;
      const [x, y] = src < cand ? [src, cand] : [cand, src];
      if (pairs.has(`${x}:${y}`)) continue;
      const result = scoreRecords(a, b);
      if (!levelAtLeast(result.level, 'possible')) continue;
      pairs.set(`${x}:${y}`, {
        tenantId: ctx.tenantId,
        object,
        recordA: x,
        recordB: y,
        score: result.score,
        level: result.level as PairLevel,
        reasons: result.reasons,
        scoredAt: now,
      });
    }
  }
  await deletePairs(ctx, object, reindexed);
  await insertChunks([...pairs.values()], (chunk) => exec.insert(dedupPairs).values(chunk).onConflictDoNothing());
}

async function deleteKeys(ctx: RequestContext, object: DedupObject, ids: readonly string[]) {
  if (ids.length === 0) return;
  await executor(ctx).execute(sql`DELETE FROM dedup_keys WHERE tenant_id = ${ctx.tenantId} AND object = ${object} AND record_id = ANY(${uuidArray(ids)})`);
}

async function deletePairs(ctx: RequestContext, object: DedupObject, ids: readonly string[]) {
  if (ids.length === 0) return;
  const records = uuidArray(ids);
  await executor(ctx).execute(sql`DELETE FROM dedup_pairs WHERE tenant_id = ${ctx.tenantId} AND object = ${object}
    AND (record_a = ANY(${records}) OR record_b = ANY(${records}))`);
}

/** Takes records out of the index (deleted, or merged away). Runs in the caller's transaction. */
export async function forgetRecords(ctx: RequestContext, object: DedupObject, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await deleteKeys(ctx, object, ids);
  await executor(ctx)
    .delete(dedupIndexState)
    .where(and(eq(dedupIndexState.tenantId, ctx.tenantId), eq(dedupIndexState.object, object), inArray(dedupIndexState.recordId, [...ids])));
  await deletePairs(ctx, object, ids);
}

/** Re-reads one record and indexes it, or forgets it when it is gone (the event subscribers). */
export async function reindexRecord(db: RequestContext['db'], tenantId: string, object: DedupObject, id: string): Promise<void> {
  const ctx = systemContext(db, tenantId, 'duplicate index');
  await inTransaction(ctx, async (ctx) => {
    const [record] = (await loadRecords(ctx, object, [id])).values();
    if (record) await indexRecords(ctx, object, [record]);
    else await forgetRecords(ctx, object, [id]);
  });
}

/**
 * A change matching does not read (a score, an owner, a status): the index keeps its keys and
 * pairs and only learns the new version. Never moves a version back.
 */
export async function noteVersion(db: RequestContext['db'], tenantId: string, object: DedupObject, id: string, version: number): Promise<void> {
  await db
    .update(dedupIndexState)
    .set({ version })
    .where(and(
      eq(dedupIndexState.tenantId, tenantId),
      eq(dedupIndexState.object, object),
      eq(dedupIndexState.recordId, id),
      lt(dedupIndexState.version, version),
    ));
}

/** Condition on the store's table: the record is not in the index at its current version. */
function notIndexed(ctx: RequestContext, object: DedupObject) {
  const t = storeColumns(object);
  return sql`NOT EXISTS (SELECT 1 FROM dedup_index_state s
    WHERE s.tenant_id = ${ctx.tenantId} AND s.object = ${object} AND s.record_id = ${t.id} AND s.version = ${t.version})`;
}

/**
 * Indexes what the events have not indexed yet (workers behind, or off), up to `budget` records,
 * so a duplicate search right after a change sees it. Returns whether records are still waiting.
 */
export async function catchUpIndex(caller: RequestContext, object: DedupObject, budget = 1000): Promise<{ pending: boolean }> {
  // Inside the caller's transaction, if any: only it sees the records it wrote, and the embedded
  // database (one connection) would wait on it forever for a transaction of our own.
  const sys = { ...systemContext(caller.db, caller.tenantId, 'duplicate index'), tx: caller.tx };
  const store = DEDUP_STORES[object];
  for (let done = 0; done < budget; done += BATCH) {
    const page = await store.list(sys, { where: notIndexed(sys, object), sort: 'createdAt', limit: BATCH });
    if (page.data.length === 0) return { pending: false };
    await inTransaction(sys, (ctx) => indexRecords(ctx, object, page.data));
    if (page.data.length < BATCH) return { pending: false };
  }
  return { pending: true };
}

/**
 * Rebuilds a tenant's index of one object from its records: every record matched again, then
 * what no longer exists swept away. The `dedup.rebuild` job.
 */
export async function rebuildIndex(db: RequestContext['db'], tenantId: string, object: DedupObject): Promise<{ indexed: number; removed: number }> {
  const sys = systemContext(db, tenantId, 'duplicate index');
  const started = new Date(Date.now() - 1);
  let indexed = 0;
  let cursor: string | undefined;
  do {
    const page = await DEDUP_STORES[object].list(sys, { sort: 'createdAt', limit: BATCH, cursor });
    await inTransaction(sys, (ctx) => indexRecords(ctx, object, page.data, { force: true }));
    indexed += page.data.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const gone = await db
    .delete(dedupIndexState)
    .where(and(eq(dedupIndexState.tenantId, tenantId), eq(dedupIndexState.object, object), lt(dedupIndexState.indexedAt, started)))
    .returning({ id: dedupIndexState.recordId });
  await inTransaction(sys, (ctx) => forgetRecords(ctx, object, gone.map((g) => g.id)));
  return { indexed, removed: gone.length };
}
