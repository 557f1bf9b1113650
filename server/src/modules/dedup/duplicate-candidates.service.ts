import { and, desc, eq, inArray } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import { CANDIDATE_OBJECTS, DEDUP_STORES, describeRecord, loadRecords, visibleIds } from './dedup-stores.js';
import { groupPairs, levelAtLeast, type DuplicateGroup, type PairLevel, type ScoredPair } from './duplicate-groups.js';
import { enqueueCatchUp } from './dedup.jobs.js';
import { candidatesByKeys, catchUpIndex, usefulKeys } from './duplicate-index.service.js';
import { dedupPairs } from './duplicates.schema.js';
import type { MatchReason } from './index.js';
import { prepareRecord, recordKeys, scoreRecords, type DedupObject, type MatchableRecord, type PreparedRecord } from './party-of-record.js';

export interface DuplicateMember {
  object: DedupObject;
  id: string;
  title: string;
  subtitle: string | null;
  record: ApiRecord;
}

export interface DuplicatePair {
  recordIds: [string, string];
  score: number;
  level: PairLevel;
  reasons: MatchReason[];
}

export interface DuplicateGroupView {
  key: string;
  level: PairLevel;
  members: DuplicateMember[];
  pairs: DuplicatePair[];
}

export interface DuplicateList {
  object: DedupObject;
  /** Strong and exact duplicates, as groups (connected components). */
  groups: DuplicateGroupView[];
  /** Possible duplicates, pair by pair (each a group of two), when `minLevel` is `possible`. */
  possible: DuplicateGroupView[];
  /** More groups exist than `limit` returned. */
  truncated: boolean;
  /** Records changed very recently are still being indexed: look again in a moment. */
  indexPending: boolean;
}

export interface ListDuplicatesQuery {
  minLevel?: PairLevel;
  limit?: number;
}

/** Pairs read at most per list: the strongest ones. */
const MAX_PAIRS = 5000;

const asRecord = (r: ApiRecord) => r as unknown as MatchableRecord;

export function memberOf(object: DedupObject, record: ApiRecord): DuplicateMember {
  const { title, subtitle } = describeRecord(object, record);
  return { object, id: record.id, title, subtitle: subtitle ?? null, record };
}

const pairView = (p: ScoredPair): DuplicatePair => ({ recordIds: [p.a, p.b], score: p.score, level: p.level, reasons: p.reasons });

/**
 * The duplicates among the records of `object` the caller can see: groups of strong/exact
 * duplicates and, from `minLevel=possible`, the possible pairs. Only pairs whose both records are
 * visible are read; they are scored again with the records' current values.
 */
export async function listDuplicates(ctx: RequestContext, object: DedupObject, query: ListDuplicatesQuery = {}): Promise<DuplicateList> {
  const minLevel = query.minLevel ?? 'possible';
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const { pending } = await catchUpIndex(ctx, object);
  if (pending) await enqueueCatchUp(ctx, object);
  const levels = (['exact', 'strong', 'possible'] as const).filter((l) => levelAtLeast(l, minLevel));
  const rows = await executor(ctx)
    .select({ a: dedupPairs.recordA, b: dedupPairs.recordB })
    .from(dedupPairs)
    .where(and(
      eq(dedupPairs.tenantId, ctx.tenantId),
      eq(dedupPairs.object, object),
      inArray(dedupPairs.level, [...levels]),
      inArray(dedupPairs.recordA, visibleIds(ctx, object)),
      inArray(dedupPairs.recordB, visibleIds(ctx, object)),
    ))
    .orderBy(desc(dedupPairs.score))
    .limit(MAX_PAIRS);
  const records = await loadRecords(ctx, object, rows.flatMap((r) => [r.a, r.b]));
  const prepared = new Map<string, PreparedRecord>();
  const prep = (id: string) => {
    if (!prepared.has(id)) prepared.set(id, prepareRecord(object, asRecord(records.get(id)!)));
    return prepared.get(id)!;
  };
  const pairs: ScoredPair[] = [];
  for (const { a, b } of rows) {
    if (!records.has(a) || !records.has(b)) continue;
    const result = scoreRecords(prep(a), prep(b));
    if (levelAtLeast(result.level, minLevel)) pairs.push({ a, b, score: result.score, level: result.level as PairLevel, reasons: result.reasons });
  }
  const grouped = groupPairs(pairs);
  const view = (g: DuplicateGroup | ScoredPair): DuplicateGroupView =>
    'memberIds' in g
      ? { key: g.key, level: g.level, members: g.memberIds.map((id) => memberOf(object, records.get(id)!)), pairs: g.pairs.map(pairView) }
      : { key: `${g.a}:${g.b}`, level: g.level, members: [g.a, g.b].map((id) => memberOf(object, records.get(id)!)), pairs: [pairView(g)] };
  return {
    object,
    groups: grouped.groups.slice(0, limit).map(view),
    possible: grouped.possible.slice(0, limit).map(view),
    truncated: grouped.groups.length > limit || grouped.possible.length > limit || rows.length === MAX_PAIRS,
    indexPending: pending,
  };
}

export interface RecordCandidate extends DuplicateMember {
  score: number;
  level: PairLevel;
  reasons: MatchReason[];
}

/**
 * The records that may be the same party as this one, strongest first: of its own object and,
 * for a lead, the contacts it may already be and the accounts its company may be. Scored now,
 * so it is right just after the record was created or changed.
 */
export async function recordDuplicates(
  ctx: RequestContext,
  object: DedupObject,
  id: string,
  query: { minLevel?: PairLevel } = {},
): Promise<RecordCandidate[]> {
  const minLevel = query.minLevel ?? 'possible';
  const record = await DEDUP_STORES[object].get(ctx, id);
  const objects = CANDIDATE_OBJECTS[object];
  for (const other of objects) if ((await catchUpIndex(ctx, other)).pending) await enqueueCatchUp(ctx, other);
  const self = prepareRecord(object, asRecord(record));
  const keys = recordKeys(self);
  // A converted lead's own account and contact are what it became, not duplicates.
  const own = new Set([record.convertedAccountId, record.convertedContactId].filter((v): v is string => typeof v === 'string'));
  const candidates = (await candidatesByKeys(ctx, object, objects, [...(await usefulKeys(ctx, objects, keys))], id)).filter((c) => !own.has(c.id));
  const out: RecordCandidate[] = [];
  for (const other of objects) {
    const ids = candidates.filter((c) => c.object === other).map((c) => c.id);
    for (const candidate of (await loadRecords(ctx, other, ids)).values()) {
      const result = scoreRecords(self, prepareRecord(other, asRecord(candidate)));
      if (!levelAtLeast(result.level, minLevel)) continue;
      out.push({ ...memberOf(other, candidate), score: result.score, level: result.level as PairLevel, reasons: result.reasons });
    }
  }
  return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
}
