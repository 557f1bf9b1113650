import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { UUID_RE } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, forbidden, notFound, ValidationError } from '../../platform/http/errors.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import './dedup.messages.js';
import { DEDUP_OBJECTS, type DedupObject } from './party-of-record.js';
import { DEDUP_STORES, loadRecords } from './dedup-stores.js';
import { forgetRecords, indexRecords } from './duplicate-index.service.js';
import { checkMergeRequest, mergeValues, type MergeRequest } from './merge-plan.js';
import { mergeBlockers, relinkMerged, type MovedRecords } from './merge-participants.js';

export interface MergeInput extends MergeRequest {
  /** Versions the person saw in the merge dialog: a record changed since is a 409. */
  versions?: Record<string, number>;
}

export interface MergeResult {
  object: DedupObject;
  survivor: ApiRecord;
  mergedIds: string[];
  /** For every merge field, the record whose value the survivor now has. */
  fields: Record<string, string>;
  /** Related records now pointing at the survivor, by kind. */
  moved: MovedRecords;
}

type Row = ApiRecord & { ownerId?: string | null };
/** A lead's `fieldSources` (leads module): where each field's value came from. */
type FieldSources = Record<string, { source: string; at: string }>;

/** The record's object when it is one of another kind the caller can see: a cross-object merge. */
async function otherObjectOf(ctx: RequestContext, object: DedupObject, id: string): Promise<DedupObject | null> {
  for (const other of DEDUP_OBJECTS) {
    if (other !== object && (await loadRecords(ctx, other, [id])).size > 0) return other;
  }
  return null;
}

async function requireWritable(ctx: RequestContext, object: DedupObject, record: Row, actions: ('update' | 'delete')[]) {
  for (const action of actions) {
    const level = requireLevel(ctx, object, action);
    if (!(await ownerWithin(ctx, level, record.ownerId ?? null))) {
      const error = forbidden(object, action);
      throw new AppError(error.status, error.code, error.params, { ...error.details, recordId: record.id });
    }
  }
}

/** The lead rules: a converted lead survives or stays out of merges; a converted survivor takes no values. */
function checkLeadMerge(survivor: Row, merged: Row[], patch: Record<string, unknown>) {
  const converted = (r: Row) => r.status === 'converted';
  if (converted(survivor) && merged.some(converted)) throw new AppError(409, 'MERGE_TWO_CONVERTED');
  if (merged.some(converted)) {
    throw new AppError(409, 'MERGE_CONVERTED_LEAD', {}, { convertedIds: merged.filter(converted).map((r) => r.id) });
  }
  const changed = Object.keys(patch).filter((f) => f !== 'doNotContact');
  if (converted(survivor) && changed.length > 0) {
    throw new AppError(409, 'MERGE_CONVERTED_READ_ONLY', { fields: changed.join(', ') }, { fields: changed });
  }
}

/** A field's origin moves with its value: the survivor records where each taken value came from. */
function mergedFieldSources(survivor: Row, byId: Map<string, Row>, patch: Record<string, unknown>, origins: Record<string, string>): FieldSources {
  const sources: FieldSources = { ...((survivor.fieldSources as FieldSources | undefined) ?? {}) };
  for (const field of Object.keys(patch)) {
    const origin = (byId.get(origins[field] ?? survivor.id)?.fieldSources as FieldSources | undefined)?.[field];
    if (origin) sources[field] = origin;
    else delete sources[field];
  }
  return sources;
}

/**
 * Merges duplicates into one record, in one transaction: the survivor takes the chosen values,
 * every related record (activities, notes, touches, status history, campaign memberships, deals…)
 * moves to it, the merged records are deleted, and the audit log has the survivor's update, the
 * deletions and a `merge` entry listing what moved. Publishes `<object>.merged`. Refused, with
 * nothing changed, when a record is missing, of another kind, not writable by the caller, or
 * when the lead rules forbid it.
 */
export async function mergeRecords(ctx: RequestContext, input: MergeInput): Promise<MergeResult> {
  const { object, survivorId, mergedIds } = input;
  const fields = input.fields ?? {};
  const problems = checkMergeRequest(input);
  if (problems.length > 0) throw new ValidationError(problems);
  const store = DEDUP_STORES[object];
  return inTransaction(ctx, async (ctx) => {
    const ids = [survivorId, ...mergedIds];
    const found = await loadRecords(ctx, object, ids.filter((id) => UUID_RE.test(id)));
    for (const id of ids) {
      if (found.has(id)) continue;
      const other = UUID_RE.test(id) ? await otherObjectOf(ctx, object, id) : null;
      if (other) throw new AppError(400, 'MERGE_ACROSS_OBJECTS', { id, object }, { recordId: id, object: other });
      const missing = notFound();
      throw new AppError(missing.status, missing.code, {}, { recordId: id });
    }
    const survivor = found.get(survivorId) as Row;
    const merged = mergedIds.map((id) => found.get(id) as Row);
    await requireWritable(ctx, object, survivor, ['update']);
    for (const record of merged) await requireWritable(ctx, object, record, ['update', 'delete']);
    for (const record of [survivor, ...merged]) {
      const expected = input.versions?.[record.id];
      if (expected !== undefined && expected !== record.version) {
        throw new AppError(409, 'VERSION_CONFLICT', { current: record.version }, { recordId: record.id, currentVersion: record.version });
      }
    }
    const byId = new Map<string, Row>([survivor, ...merged].map((r) => [r.id, r]));
    const readOnly = object === 'leads' && survivor.status === 'converted';
    const { patch, origins } = mergeValues(object, survivor, merged, fields, !readOnly);
    if (object === 'leads') checkLeadMerge(survivor, merged, patch);
    const blockers = await mergeBlockers(ctx, object, mergedIds, survivorId);
    if (blockers.length > 0) throw new AppError(409, 'MERGE_STAKEHOLDER_CONFLICT', { count: blockers.length }, { opportunityIds: blockers });

    const moved = await relinkMerged(ctx, object, mergedIds, survivorId);
    // Deleted before the survivor takes their values: a credit code is unique per tenant.
    // (Versions were checked above; relinking may have bumped them since.)
    for (const record of merged) await store.remove(ctx, record.id, undefined);
    const changes: Record<string, unknown> = { ...patch };
    if (object === 'leads' && Object.keys(patch).length > 0) changes.fieldSources = mergedFieldSources(survivor, byId, patch, origins);
    const current = await store.get(ctx, survivorId);
    const after = Object.keys(changes).length > 0 ? await store.update(ctx, survivorId, changes, current.version) : current;

    const taken = Object.fromEntries(Object.entries(origins).filter(([, id]) => id !== survivorId));
    await appendAudit(ctx, {
      action: 'merge',
      object,
      recordId: survivorId,
      changes: {
        merged: { before: mergedIds, after: null },
        fields: { before: null, after: taken },
        ...Object.fromEntries(Object.entries(moved).map(([kind, list]) => [kind, { before: null, after: list }])),
      },
    });
    await publishEvent(ctx, {
      type: `${object}.merged`,
      object,
      recordId: survivorId,
      payload: { survivorId, mergedIds, fields: taken, moved },
    });
    // The index follows at once, so the duplicates page no longer shows the merged records.
    const system = { ...systemContext(ctx.db, ctx.tenantId, 'duplicate index'), tx: ctx.tx };
    await forgetRecords(system, object, mergedIds);
    await indexRecords(system, object, [after]);
    return { object, survivor: after, mergedIds, fields: origins, moved };
  });
}
