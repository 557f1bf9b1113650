import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, ValidationError, type FieldError } from '../../platform/http/errors.js';
import { trimmedOrNull } from '../../platform/normalize/text.js';
import { evaluateMove, isTerminal, planMove, type MissingItem } from './exit-criteria.js';
import { activeLossReason } from './loss-reasons.service.js';
import { describeMissing } from './opportunities.messages.js';
import { insertStageHistory, stageBeforeClose, stageHistoryOf, type StageHistoryEntry } from './opportunities.repository.js';
import { opportunityForUpdate, opportunityStore, requireOpen, type Opportunity } from './opportunities.service.js';
import { resolveProbability, stageDefaults, type OpportunityStatus } from './probability.js';
import { processForDeal, type SalesProcess, type Stage } from './sales-processes.service.js';
import { gateFactsOf, mayOverride, requireGatePassed } from './stage-gates.js';

const illegal = (action: string, status: string) =>
  new AppError(409, 'ILLEGAL_TRANSITION', { action, status }, { status, allowed: status === 'open' ? ['advance', 'close'] : ['reopen'] });

async function processOf(ctx: RequestContext, deal: Opportunity): Promise<SalesProcess> {
  const process = await processForDeal(ctx, deal.processId);
  if (!process) throw new AppError(409, 'STAGE_NOT_IN_PROCESS');
  return process;
}

interface StageEntry {
  action: StageHistoryEntry['action'];
  status: OpportunityStatus;
  overrideReason?: string | null;
  missing?: MissingItem[];
  /** Further columns of the same write (close and reopen fields). */
  columns?: Record<string, unknown>;
}

/**
 * Puts the deal into `stage`: the stage's win rate and forecast category become the automated
 * values, a person's earlier overrides (made for the stage left) are cleared, the entry is added
 * to the stage history with its time, and a manager override is audited with its reason and
 * what was missing.
 */
async function enterStage(ctx: RequestContext, deal: Opportunity, stage: Stage, entry: StageEntry): Promise<Opportunity> {
  const now = new Date();
  const defaults = stageDefaults(stage);
  const resolved = resolveProbability({
    status: entry.status,
    stageProbability: defaults.probability,
    stageForecastCategory: defaults.forecastCategory,
    probabilityOverride: null,
    forecastCategoryOverride: null,
  });
  const updated = await opportunityStore.update(ctx, deal.id, {
    stageId: stage.id,
    status: entry.status,
    stageProbability: defaults.probability,
    stageForecastCategory: defaults.forecastCategory,
    probabilityOverride: null,
    probabilityOverrideReason: null,
    forecastCategoryOverride: null,
    probability: resolved.probability,
    forecastCategory: resolved.forecastCategory,
    stageEnteredAt: now,
    ...entry.columns,
  }, deal.version);
  const missing = entry.missing?.map((m) => describeMissing(m, ctx.locale)) ?? null;
  await insertStageHistory(ctx, {
    opportunityId: deal.id,
    action: entry.action,
    fromStageId: deal.stageId,
    fromStageName: deal.stageName ?? null,
    toStageId: stage.id,
    toStageName: stage.name,
    status: entry.status,
    probability: resolved.probability,
    overrideReason: entry.overrideReason ?? null,
    overriddenMissing: entry.overrideReason ? missing : null,
    at: now,
  });
  if (entry.overrideReason) {
    await appendAudit(ctx, {
      action: 'stage_override',
      object: 'opportunities',
      recordId: deal.id,
      changes: {
        stageId: { before: deal.stageId, after: stage.id },
        overrideReason: { before: null, after: entry.overrideReason },
        missing: { before: null, after: missing },
      },
    });
  }
  const type = entry.action === 'close' ? `opportunities.${entry.status}` : entry.action === 'reopen' ? 'opportunities.reopened' : 'opportunities.stage_changed';
  await publishEvent(ctx, {
    type,
    object: 'opportunities',
    recordId: deal.id,
    payload: { fromStageId: deal.stageId, toStageId: stage.id, status: entry.status, overridden: !!entry.overrideReason },
  });
  return updated;
}

/**
 * Moves an open deal to another open stage of its process. Forward, the exit criteria of every
 * stage left behind must hold, or a manager overrides with a reason; backward is always allowed.
 */
export function advanceOpportunity(ctx: RequestContext, id: string, input: { stageId: string; overrideReason?: string | null }): Promise<Opportunity> {
  return inTransaction(ctx, async (ctx) => {
    const deal = await opportunityForUpdate(ctx, id);
    if (deal.status !== 'open') throw illegal('advance', deal.status);
    const process = await processOf(ctx, deal);
    const target = process.stages.find((s) => s.id === input.stageId);
    if (!target) throw fieldError('stageId', 'STAGE_NOT_IN_PROCESS');
    if (isTerminal(target)) throw fieldError('stageId', 'STAGE_IS_TERMINAL');
    if (target.id === deal.stageId) return deal;
    const reason = trimmedOrNull(input.overrideReason) ?? null;
    const gate = requireGatePassed(ctx, process, deal.stageId, target, await gateFactsOf(ctx, deal), reason);
    return enterStage(ctx, deal, target, {
      action: gate.overridden ? 'override' : gate.move.direction === 'backward' ? 'back' : 'advance',
      status: 'open',
      overrideReason: gate.overridden ? reason : null,
      missing: gate.missing,
    });
  });
}

export interface CloseInput {
  outcome: 'won' | 'lost';
  lossReason?: string | null;
  competitor?: string | null;
  note?: string | null;
  overrideReason?: string | null;
}

/**
 * Closes a deal. Won passes every open stage left (their gates hold, or a manager overrides);
 * lost needs a reason from the tenant's picklist and a note, for loss-reason analysis.
 */
export function closeOpportunity(ctx: RequestContext, id: string, input: CloseInput): Promise<Opportunity> {
  return inTransaction(ctx, async (ctx) => {
    const deal = await opportunityForUpdate(ctx, id);
    if (deal.status !== 'open') throw illegal('close', deal.status);
    const process = await processOf(ctx, deal);
    const note = trimmedOrNull(input.note) ?? null;
    const competitor = trimmedOrNull(input.competitor) ?? null;
    if (input.outcome === 'lost') {
      const errors: FieldError[] = [];
      const key = trimmedOrNull(input.lossReason);
      if (!key) errors.push({ field: 'lossReason', code: 'FIELD_REQUIRED' });
      else if (!(await activeLossReason(ctx, key))) errors.push({ field: 'lossReason', code: 'LOSS_REASON_UNKNOWN' });
      if (!note) errors.push({ field: 'note', code: 'FIELD_REQUIRED' });
      if (errors.length > 0) throw new ValidationError(errors);
      const lost = process.stages.find((s) => s.isLost)!;
      return enterStage(ctx, deal, lost, {
        action: 'close',
        status: 'lost',
        columns: { closedAt: new Date(), lossReason: key, closeCompetitor: competitor, closeNote: note },
      });
    }
    const won = process.stages.find((s) => s.isWon)!;
    const reason = trimmedOrNull(input.overrideReason) ?? null;
    const gate = requireGatePassed(ctx, process, deal.stageId, won, await gateFactsOf(ctx, deal), reason);
    return enterStage(ctx, deal, won, {
      action: 'close',
      status: 'won',
      overrideReason: gate.overridden ? reason : null,
      missing: gate.missing,
      columns: { closedAt: new Date(), lossReason: null, closeCompetitor: competitor, closeNote: note },
    });
  });
}

/** Reopens a won or lost deal at the open stage it was closed from (audited, with the reason if given). */
export function reopenOpportunity(ctx: RequestContext, id: string, input: { reason?: string | null } = {}): Promise<Opportunity> {
  return inTransaction(ctx, async (ctx) => {
    const deal = await opportunityForUpdate(ctx, id);
    if (deal.status === 'open') throw illegal('reopen', deal.status);
    const process = await processOf(ctx, deal);
    const previous = await stageBeforeClose(ctx, id);
    const open = process.stages.filter((s) => !isTerminal(s));
    const stage = open.find((s) => s.id === previous) ?? open[0];
    const reopened = await enterStage(ctx, deal, stage, {
      action: 'reopen',
      status: 'open',
      columns: { closedAt: null, lossReason: null, closeCompetitor: null, closeNote: null },
    });
    await appendAudit(ctx, {
      action: 'reopen',
      object: 'opportunities',
      recordId: id,
      changes: { status: { before: deal.status, after: 'open' }, reason: { before: null, after: trimmedOrNull(input.reason) ?? null } },
    });
    return reopened;
  });
}

/** Ticks (or unticks) a checklist item of the deal's process; who and when are kept. */
export function setChecklistItem(ctx: RequestContext, id: string, key: string, done: boolean): Promise<Opportunity> {
  return inTransaction(ctx, async (ctx) => {
    const deal = await opportunityForUpdate(ctx, id);
    requireOpen(deal);
    const process = await processOf(ctx, deal);
    const known = process.stages.some((s) => s.exitCriteria.checklist.some((c) => c.key === key));
    if (!known) throw new AppError(404, 'CHECKLIST_ITEM_UNKNOWN', { key }, { key });
    if ((deal.checklist[key]?.done ?? false) === done) return deal;
    const checklist = { ...deal.checklist, [key]: { done, at: new Date().toISOString(), byId: ctx.actor.userId } };
    return opportunityStore.update(ctx, id, { checklist }, deal.version);
  });
}

/**
 * What moving the deal to a stage would need, without moving it (the UI shows it before the
 * rep tries). Without a stage: the next one (the won stage after the last open one).
 */
export async function previewGate(ctx: RequestContext, id: string, stageId?: string) {
  const deal = await opportunityStore.get(ctx, id);
  const process = await processOf(ctx, deal);
  const sorted = [...process.stages].sort((a, b) => a.order - b.order);
  const current = sorted.find((s) => s.id === deal.stageId);
  const target = stageId
    ? sorted.find((s) => s.id === stageId)
    : deal.status === 'open' && current
      ? (sorted.find((s) => !isTerminal(s) && s.order > current.order) ?? sorted.find((s) => s.isWon))
      : undefined;
  if (stageId && !target) throw fieldError('stageId', 'STAGE_NOT_IN_PROCESS');
  if (!target || deal.status !== 'open') {
    return { stageId: target?.id ?? null, stageName: target?.name ?? null, passable: false, missing: [], canOverride: false };
  }
  const missing = target.isLost ? [] : evaluateMove(planMove(process.stages, deal.stageId, target), await gateFactsOf(ctx, deal));
  return {
    stageId: target.id,
    stageName: target.name,
    passable: missing.length === 0,
    missing: missing.map((m) => describeMissing(m, ctx.locale)),
    canOverride: mayOverride(ctx, process),
  };
}

/** The stages the deal went through, with entry and exit times and the time spent (velocity). */
export async function stageHistory(ctx: RequestContext, id: string) {
  await opportunityStore.get(ctx, id);
  const rows = await stageHistoryOf(ctx, id);
  return rows.map((r) => ({ ...r, enteredAt: r.enteredAt.toISOString(), exitedAt: r.exitedAt?.toISOString() ?? null }));
}
