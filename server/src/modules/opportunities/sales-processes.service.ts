import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, notFound, ValidationError } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { diffRecords } from '../../platform/records/diff.js';
import type { ApiRecord, OwnFields } from '../../platform/records/record-store.js';
import { ensureDealSetup } from './deal-settings.service.js';
import { EMPTY_CRITERIA, stageSetProblems, type ExitCriteria, type StageDraft } from './exit-criteria.js';
import './opportunities.messages.js';
import {
  dealsAtStages, deleteStages, insertStages, refreshStageDefaults, stagesOf, updateStage, type StageRow, type StageValues,
} from './opportunities.repository.js';
import { salesProcesses } from './opportunities.schema.js';
import { stageDefaults, type ForecastCategory } from './probability.js';
import { TEMPLATES, templateIn, type TemplateKey } from './process-templates.js';
import { SeededStore } from './seeded-store.js';

export interface Stage {
  id: string;
  processId: string;
  key: string | null;
  name: string;
  order: number;
  probability: number;
  forecastCategory: ForecastCategory;
  isWon: boolean;
  isLost: boolean;
  exitCriteria: ExitCriteria;
}

export interface SalesProcess extends ApiRecord {
  name: string;
  businessLine: string | null;
  description: string | null;
  templateKey: string | null;
  isDefault: boolean;
  allowManagerOverride: boolean;
  active: boolean;
  stages: Stage[];
}

export interface StageInput {
  id?: string;
  key?: string | null;
  name: string;
  probability?: number;
  forecastCategory?: ForecastCategory;
  isWon?: boolean;
  isLost?: boolean;
  exitCriteria?: Partial<ExitCriteria>;
}

export interface ProcessInput {
  name?: string;
  businessLine?: string | null;
  description?: string | null;
  templateKey?: string | null;
  isDefault?: boolean;
  allowManagerOverride?: boolean;
  active?: boolean;
  stages?: StageInput[];
}

const toStage = (r: StageRow): Stage => ({
  id: r.id,
  processId: r.processId,
  key: r.key,
  name: r.name,
  order: r.order,
  probability: r.probability,
  forecastCategory: r.forecastCategory as ForecastCategory,
  isWon: r.isWon,
  isLost: r.isLost,
  exitCriteria: { ...EMPTY_CRITERIA, ...r.exitCriteria },
});

const processFields = (r: Record<string, unknown>) => ({
  name: r.name as string,
  businessLine: (r.businessLine as string | null) ?? null,
  description: (r.description as string | null) ?? null,
  templateKey: (r.templateKey as string | null) ?? null,
  isDefault: r.isDefault as boolean,
  allowManagerOverride: r.allowManagerOverride as boolean,
  active: r.active as boolean,
});

export const processStore = new SeededStore<SalesProcess>({
  object: 'sales_processes',
  table: salesProcesses,
  sortable: { name: salesProcesses.name, createdAt: salesProcesses.createdAt, updatedAt: salesProcesses.updatedAt },
  defaultSort: 'name',
  filters: {
    businessLine: salesProcesses.businessLine,
    active: salesProcesses.active,
    isDefault: salesProcesses.isDefault,
    templateKey: salesProcesses.templateKey,
  },
  searchColumns: [salesProcesses.name, salesProcesses.businessLine],
  unique: { sales_processes_name_uq: 'name' },
  // Stages are added by `decorate` (they live in their own table), so field diffs leave them out.
  toApi: (r) => processFields(r) as OwnFields<SalesProcess>,
  toColumns: (input) => ({
    name: trimmedOrNull(input.name),
    businessLine: trimmedOrNull(input.businessLine),
    description: trimmedOrNull(input.description),
    templateKey: input.templateKey,
    isDefault: input.isDefault,
    allowManagerOverride: input.allowManagerOverride,
    active: input.active,
  }),
  async decorate(ctx, records) {
    const byProcess = new Map<string, Stage[]>();
    for (const row of await stagesOf(ctx, records.map((r) => r.id))) {
      const list = byProcess.get(row.processId) ?? [];
      list.push(toStage(row));
      byProcess.set(row.processId, list);
    }
    for (const record of records) record.stages = byProcess.get(record.id) ?? [];
  },
  seed: (ctx) => ensureDealSetup(ctx),
});

/** A stage as the audit log keeps it (without bookkeeping). */
const stageSummary = ({ processId: _p, ...s }: Stage) => s;

function normalizeCriteria(input: Partial<ExitCriteria> | undefined): ExitCriteria {
  return {
    checklist: (input?.checklist ?? []).map((c) => ({ key: c.key.trim(), label: c.label.trim() })),
    requiredFields: [...new Set(input?.requiredFields ?? [])],
    requiredDocuments: [...new Set((input?.requiredDocuments ?? []).map((d) => d.trim()).filter(Boolean))],
    requiredStakeholders: [...new Set(input?.requiredStakeholders ?? [])],
  };
}

type StageEdit = StageDraft & { id?: string };

/** A stage as written: won and lost stages always stand for 100 % closed and 0 % omitted. */
function toDraft(input: StageInput): StageEdit {
  const isWon = input.isWon ?? false;
  const isLost = input.isLost ?? false;
  const { probability, forecastCategory } = stageDefaults({
    probability: input.probability ?? 0,
    forecastCategory: input.forecastCategory ?? 'pipeline',
    isWon,
    isLost,
  });
  return {
    id: input.id,
    key: input.key?.trim() || null,
    name: input.name.trim(),
    probability,
    forecastCategory,
    isWon,
    isLost,
    exitCriteria: normalizeCriteria(input.exitCriteria),
  };
}

const fromStage = ({ processId: _p, order: _o, ...s }: Stage): StageEdit => s;

/** A new process gets the won and lost stages it does not list, in the tenant's words. */
function withTerminalStages(drafts: StageEdit[], locale: RequestContext['locale']): StageEdit[] {
  const terminal = templateIn('simple', locale).stages.filter((s) => s.isWon || s.isLost);
  const out = [...drafts];
  if (!out.some((s) => s.isWon)) out.push({ ...terminal.find((s) => s.isWon)!, key: null });
  if (!out.some((s) => s.isLost)) out.push({ ...terminal.find((s) => s.isLost)!, key: null });
  return out;
}

function assertValidStages(stages: StageEdit[]) {
  const problems = stageSetProblems(stages);
  if (problems.length === 0) return;
  throw new ValidationError(problems.map((p) => ({
    field: p.index === null ? 'stages' : `stages.${p.index}.${p.field}`,
    code: p.code === 'DUPLICATE_KEY' ? 'STAGE_KEY_DUPLICATE' : p.code,
  })));
}

const stageValues = (s: StageEdit, order: number): StageValues => ({
  key: s.key,
  name: s.name,
  order,
  probability: s.probability,
  forecastCategory: s.forecastCategory,
  isWon: s.isWon,
  isLost: s.isLost,
  exitCriteria: s.exitCriteria,
});

/**
 * Writes the process's stages as `next` lists them (in order): stages left out are deleted
 * (refused while deals sit at them), listed ones updated, new ones inserted. A changed win rate
 * or forecast category reaches the open deals at the stage.
 */
async function persistStages(ctx: RequestContext, processId: string, current: Stage[], next: StageEdit[]) {
  assertValidStages(next);
  const currentById = new Map(current.map((s) => [s.id, s]));
  next.forEach((s, i) => {
    if (s.id && !currentById.has(s.id)) throw fieldError(`stages.${i}.id`, 'REFERENCE_NOT_FOUND', { field: 'id' });
  });
  const kept = new Set(next.map((s) => s.id).filter(Boolean));
  const removed = current.filter((s) => !kept.has(s.id)).map((s) => s.id);
  const inUse = [...(await dealsAtStages(ctx, removed)).values()].reduce((a, b) => a + b, 0);
  if (inUse > 0) throw new AppError(409, 'STAGE_IN_USE', { count: inUse }, { count: inUse });
  await deleteStages(ctx, removed);
  const fresh: StageValues[] = [];
  for (const [i, stage] of next.entries()) {
    const values = stageValues(stage, i + 1);
    const existing = stage.id ? currentById.get(stage.id) : undefined;
    if (!existing) {
      fresh.push(values);
      continue;
    }
    if (Object.keys(diffRecords(stageValues(fromStage(existing), existing.order) as never, values as never)).length === 0) continue;
    await updateStage(ctx, existing.id, values);
    if (existing.probability !== values.probability || existing.forecastCategory !== values.forecastCategory) {
      await refreshStageDefaults(ctx, existing.id, values.probability, values.forecastCategory);
    }
  }
  await insertStages(ctx, processId, fresh);
}

/** Only one default process: setting one clears the others (each change audited). */
async function clearOtherDefaults(ctx: RequestContext, keepId: string) {
  const others = await executor(ctx)
    .select({ id: salesProcesses.id, version: salesProcesses.version })
    .from(salesProcesses)
    .where(and(eq(salesProcesses.tenantId, ctx.tenantId), eq(salesProcesses.isDefault, true), ne(salesProcesses.id, keepId)));
  for (const other of others) await processStore.update(ctx, other.id, { isDefault: false }, other.version);
}

async function auditStages(ctx: RequestContext, before: Stage[], after: SalesProcess) {
  const changes = diffRecords({ stages: before.map(stageSummary) }, { stages: after.stages.map(stageSummary) });
  if (Object.keys(changes).length === 0) return;
  await appendAudit(ctx, { action: 'update', object: 'sales_processes', recordId: after.id, changes });
  await publishEvent(ctx, { type: 'sales_processes.updated', object: 'sales_processes', recordId: after.id, payload: { record: after, changes } });
}

/** Creates a process with its stages (the won and lost stages are added when not listed). */
export async function createProcess(ctx: RequestContext, input: ProcessInput): Promise<SalesProcess> {
  requireLevel(ctx, 'sales_processes', 'create');
  await ensureDealSetup(ctx);
  return inTransaction(ctx, async (ctx) => {
    const stages = withTerminalStages((input.stages ?? []).map(toDraft), ctx.locale);
    assertValidStages(stages);
    const { stages: _s, ...fields } = input;
    const process = await processStore.create(ctx, fields);
    await insertStages(ctx, process.id, stages.map((s, i) => stageValues(s, i + 1)));
    if (input.isDefault) await clearOtherDefaults(ctx, process.id);
    const created = await processStore.get(ctx, process.id);
    await auditStages(ctx, [], created);
    return created;
  });
}

/** Updates a process; `stages`, when given, is the full ordered list (ids keep existing stages). */
export function updateProcess(ctx: RequestContext, id: string, patch: ProcessInput, version: number | undefined): Promise<SalesProcess> {
  return inTransaction(ctx, async (ctx) => {
    const before = await processStore.get(ctx, id);
    const { stages, ...fields } = patch;
    await processStore.update(ctx, id, fields, version);
    if (stages) await persistStages(ctx, id, before.stages, stages.map(toDraft));
    if (patch.isDefault) await clearOtherDefaults(ctx, id);
    const after = await processStore.get(ctx, id);
    await auditStages(ctx, before.stages, after);
    return after;
  });
}

/** Runs a change of the stage list under the process's version (optimistic when `version` is given). */
function changeStages(
  ctx: RequestContext,
  processId: string,
  version: number | undefined,
  edit: (stages: StageEdit[]) => StageEdit[],
): Promise<SalesProcess> {
  return inTransaction(ctx, async (ctx) => {
    const before = await processStore.get(ctx, processId);
    await processStore.update(ctx, processId, {}, version ?? before.version);
    await persistStages(ctx, processId, before.stages, edit(before.stages.map(fromStage)));
    const after = await processStore.get(ctx, processId);
    await auditStages(ctx, before.stages, after);
    return after;
  });
}

const positionOf = (stages: StageEdit[], id: string) => {
  const index = stages.findIndex((s) => s.id === id);
  if (index < 0) throw notFound();
  return index;
};

/** Adds a stage at `order` (1-based), or an open stage after the last open one, a terminal one at the end. */
export function addStage(ctx: RequestContext, processId: string, input: StageInput & { order?: number }, version?: number) {
  return changeStages(ctx, processId, version, (stages) => {
    const stage = toDraft({ ...input, id: undefined });
    const firstTerminal = stages.findIndex((s) => s.isWon || s.isLost);
    const at = input.order !== undefined
      ? Math.min(Math.max(input.order - 1, 0), stages.length)
      : stage.isWon || stage.isLost || firstTerminal < 0 ? stages.length : firstTerminal;
    return [...stages.slice(0, at), stage, ...stages.slice(at)];
  });
}

/** Changes a stage; exit criteria parts given replace those parts; `order` moves it. */
export function editStage(
  ctx: RequestContext,
  processId: string,
  stageId: string,
  patch: Partial<StageInput> & { order?: number },
  version?: number,
) {
  return changeStages(ctx, processId, version, (stages) => {
    const index = positionOf(stages, stageId);
    const current = stages[index];
    const merged = toDraft({
      ...current,
      ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'order' && k !== 'exitCriteria')),
      id: stageId,
      exitCriteria: { ...current.exitCriteria, ...patch.exitCriteria },
    } as StageInput);
    const rest = stages.filter((_, i) => i !== index);
    const at = patch.order !== undefined ? Math.min(Math.max(patch.order - 1, 0), rest.length) : index;
    return [...rest.slice(0, at), merged, ...rest.slice(at)];
  });
}

export function removeStage(ctx: RequestContext, processId: string, stageId: string, version?: number) {
  return changeStages(ctx, processId, version, (stages) => {
    positionOf(stages, stageId);
    return stages.filter((s) => s.id !== stageId);
  });
}

/** Puts the stages in the order given; every stage must be listed exactly once. */
export function reorderStages(ctx: RequestContext, processId: string, stageIds: string[], version?: number) {
  return changeStages(ctx, processId, version, (stages) => {
    const byId = new Map(stages.map((s) => [s.id!, s]));
    if (stageIds.length !== stages.length || new Set(stageIds).size !== stageIds.length || stageIds.some((id) => !byId.has(id))) {
      throw new AppError(400, 'REORDER_MISMATCH', {}, { stageIds: stages.map((s) => s.id) });
    }
    return stageIds.map((id) => byId.get(id)!);
  });
}

/** The template's name, or "name (2)", "name (3)"… when the tenant already has one by that name. */
async function freeName(ctx: RequestContext, base: string): Promise<string> {
  const taken = new Set(
    (await executor(ctx).select({ name: salesProcesses.name }).from(salesProcesses).where(eq(salesProcesses.tenantId, ctx.tenantId)))
      .map((r) => r.name),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} (${i})`)) return `${base} (${i})`;
}

/** A new process from a template, in the caller's language. */
export async function createProcessFromTemplate(
  ctx: RequestContext,
  template: TemplateKey,
  options: { name?: string; businessLine?: string | null; isDefault?: boolean } = {},
): Promise<SalesProcess> {
  if (!TEMPLATES[template]) throw fieldError('template', 'FIELD_INVALID');
  const t = templateIn(template, ctx.locale);
  return createProcess(ctx, {
    name: options.name?.trim() || (await freeName(ctx, t.name)),
    businessLine: options.businessLine ?? null,
    description: t.description,
    templateKey: template,
    isDefault: options.isDefault ?? false,
    stages: t.stages,
  });
}

/**
 * A deal's process and stages, read for the deal workflows: whoever may work on the deal may
 * read its process, whatever their rights on process administration.
 */
export async function processForDeal(ctx: RequestContext, processId: string): Promise<SalesProcess | null> {
  const [row] = await executor(ctx)
    .select()
    .from(salesProcesses)
    .where(and(eq(salesProcesses.tenantId, ctx.tenantId), eq(salesProcesses.id, processId)));
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...processFields(row),
    stages: (await stagesOf(ctx, [row.id])).map(toStage),
  };
}

/** The process new deals use when none is named: the default one, else the oldest active one. */
export async function defaultProcessForDeal(ctx: RequestContext): Promise<SalesProcess | null> {
  const [row] = await executor(ctx)
    .select({ id: salesProcesses.id })
    .from(salesProcesses)
    .where(and(eq(salesProcesses.tenantId, ctx.tenantId), eq(salesProcesses.active, true)))
    .orderBy(desc(salesProcesses.isDefault), asc(salesProcesses.createdAt), asc(salesProcesses.id))
    .limit(1);
  return row ? processForDeal(ctx, row.id) : null;
}
