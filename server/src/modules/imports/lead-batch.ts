import type { RequestContext } from '../../platform/access/context.js';
import { levelFor } from '../../platform/access/permissions.js';
import { ownerWithin } from '../../platform/access/visibility.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { addStageTime, timeStage } from '../../platform/perf/stage-times.js';
import { createLeadsBulk, fillEmptyLeadFields, recordTouchesBulk, type Lead } from '../leads/leads.service.js';
import type { DuplicatePolicy } from './imports.schema.js';
import { duplicateKeys, findDuplicateLeads } from './lead-duplicates.js';
import { leadInputFromRow, type CellError, type LeadImportInput, type MappedColumn } from './lead-fields.js';

export interface BatchRow {
  rowNumber: number;
  ordinal: number;
  cells: string[];
}

export interface BatchOptions {
  importId: string;
  columns: readonly MappedColumn[];
  policy: DuplicatePolicy;
  campaignId: string | null;
}

export interface BatchOutcome {
  created: number;
  /** The new records, for the work that follows them in batches (scoring and assignment of leads). */
  createdIds: string[];
  merged: number;
  skipped: number;
  rejects: { rowNumber: number; cells: string[]; errors: CellError[] }[];
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** Copies into `target` the fields it lacks (first value wins, as a merge into a lead does). */
function fillEmpty(target: Record<string, unknown>, from: Record<string, unknown>) {
  for (const [field, value] of Object.entries(from)) if (isEmpty(target[field]) && !isEmpty(value)) target[field] = value;
}

async function canEdit(ctx: RequestContext, lead: Lead): Promise<boolean> {
  const level = levelFor(ctx.permissions, 'leads', 'update');
  return level !== 'none' && ownerWithin(ctx, level, lead.ownerId);
}

/**
 * Turns one batch of rows into leads inside the caller's transaction:
 * validate each row with the API's rules (a bad row is rejected with every reason), find
 * duplicates among existing leads and earlier rows of the batch (earlier batches are already
 * leads), then by policy skip them, merge them (fill only empty fields, never what a person
 * typed), or create them anyway. New leads go in with multi-row INSERTs; each is audited and
 * announced. With a campaign, every created or merged row records a touch.
 */
export async function writeLeadBatch(ctx: RequestContext, rows: readonly BatchRow[], opts: BatchOptions): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, createdIds: [], merged: 0, skipped: 0, rejects: [] };
  const valid: { row: BatchRow; input: LeadImportInput }[] = [];
  const validating = performance.now();
  for (const row of rows) {
    const { input, errors } = leadInputFromRow(row.cells, opts.columns);
    if (!input) {
      outcome.rejects.push({ rowNumber: row.rowNumber, cells: row.cells, errors });
      continue;
    }
    input.source ??= 'import';
    if (opts.campaignId) input.campaignId = opts.campaignId;
    valid.push({ row, input });
  }
  addStageTime('import.validate', performance.now() - validating);

  const existing = opts.policy === 'create'
    ? valid.map(() => null)
    : await timeStage('import.dedup', () => findDuplicateLeads(ctx, valid.map((v) => v.input)));
  const creates: (LeadImportInput & { id: string })[] = [];
  const pendingByKey = new Map<string, LeadImportInput & { id: string }>();
  const merges = new Map<string, { lead: Lead; input: Record<string, unknown> }>();
  const touches: { leadId: string; rowNumber: number; kind: 'created' | 'merged' }[] = [];

  for (let i = 0; i < valid.length; i++) {
    const { row, input } = valid[i];
    const keys = duplicateKeys(input);
    const match = existing[i];
    const pending = opts.policy === 'create' ? undefined : keys.map((k) => pendingByKey.get(k)).find((p) => p !== undefined);
    if (!match && !pending) {
      const create = { ...input, id: uuidv7() };
      creates.push(create);
      for (const key of keys) if (!pendingByKey.has(key)) pendingByKey.set(key, create);
      touches.push({ leadId: create.id, rowNumber: row.rowNumber, kind: 'created' });
      continue;
    }
    if (opts.policy === 'skip') {
      outcome.skipped++;
      continue;
    }
    if (match) {
      if (!(await canEdit(ctx, match))) {
        outcome.rejects.push({ rowNumber: row.rowNumber, cells: row.cells, errors: [{ column: null, field: 'id', code: 'IMPORT_DUPLICATE_NOT_EDITABLE' }] });
        continue;
      }
      const merge = merges.get(match.id) ?? { lead: match, input: {} };
      fillEmpty(merge.input, input);
      merges.set(match.id, merge);
      touches.push({ leadId: match.id, rowNumber: row.rowNumber, kind: 'merged' });
    } else {
      // A duplicate of a row earlier in this batch: it completes the lead about to be created.
      fillEmpty(pending!, input);
      for (const key of duplicateKeys(pending!)) if (!pendingByKey.has(key)) pendingByKey.set(key, pending!);
      touches.push({ leadId: pending!.id, rowNumber: row.rowNumber, kind: 'merged' });
    }
    outcome.merged++;
  }

  // The import's own job scores and routes these leads in batches (see imported-leads.job.ts).
  await timeStage('import.create', () => createLeadsBulk(ctx, creates, 'import', { importId: opts.importId }));
  outcome.created = creates.length;
  outcome.createdIds = creates.map((c) => c.id);
  await timeStage('import.merge', async () => {
    for (const { lead, input } of merges.values()) await fillEmptyLeadFields(ctx, lead.id, input, 'import');
  });
  if (opts.campaignId) {
    await timeStage('import.touches', () => recordTouchesBulk(ctx, touches.map((t) => ({
      leadId: t.leadId,
      campaignId: opts.campaignId,
      kind: 'import',
      details: { importId: opts.importId, rowNumber: t.rowNumber, outcome: t.kind },
    }))));
  }
  return outcome;
}
