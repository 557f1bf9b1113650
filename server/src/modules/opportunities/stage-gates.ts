import type { RequestContext } from '../../platform/access/context.js';
import { AppError } from '../../platform/http/errors.js';
import { toMinor } from './deal-money.js';
import { evaluateMove, planMove, type GateFacts, type MissingItem, type Move } from './exit-criteria.js';
import { describeMissing } from './opportunities.messages.js';
import { documentsOf, stakeholdersOf, toStakeholderFact } from './opportunities.repository.js';
import type { Opportunity } from './opportunities.service.js';
import type { SalesProcess, Stage } from './sales-processes.service.js';

/** Roles that may move a deal past unmet exit criteria, with a reason, where the process allows it. */
export const OVERRIDE_ROLES: readonly string[] = ['sales_manager', 'admin'];

export const mayOverride = (ctx: RequestContext, process: SalesProcess) =>
  process.allowManagerOverride && OVERRIDE_ROLES.includes(ctx.roleKey ?? '');

/** What the gate evaluator needs to know of a deal: its fields, battle map, documents and checklist. */
export async function gateFactsOf(ctx: RequestContext, deal: Opportunity): Promise<GateFacts> {
  const stakeholders = await stakeholdersOf(ctx, deal.id);
  const documents = await documentsOf(ctx, deal.id);
  return {
    opportunity: {
      amountMinor: deal.amount ? toMinor(deal.amount.amount) : null,
      closeDate: deal.closeDate,
      nextStep: deal.nextStep,
      competitors: deal.competitors,
      contactCount: deal.contacts.length,
      lineItemCount: deal.lineItems.length,
      bant: deal.bant,
    },
    stakeholders: stakeholders.map(toStakeholderFact),
    documents: documents.map((d) => ({ name: d.name, kind: d.kind })),
    checklist: Object.fromEntries(Object.entries(deal.checklist).map(([key, v]) => [key, v.done])),
  };
}

export interface GateOutcome {
  move: Move;
  missing: MissingItem[];
  /** A manager moved the deal past unmet criteria (with a reason). */
  overridden: boolean;
}

/**
 * Moving from `fromStageId` to `target` passes the exit criteria of the stages left behind.
 * When some are unmet: without a reason, 409 STAGE_GATE_UNMET with the exact missing list;
 * with a reason, a sales manager or admin may override where the process allows it, anyone
 * else is refused (403).
 */
export function requireGatePassed(
  ctx: RequestContext,
  process: SalesProcess,
  fromStageId: string,
  target: Stage,
  facts: GateFacts,
  overrideReason: string | null | undefined,
): GateOutcome {
  const move = planMove(process.stages, fromStageId, target);
  const missing = evaluateMove(move, facts);
  if (missing.length === 0) return { move, missing, overridden: false };
  const details = { stageId: target.id, missing: missing.map((m) => describeMissing(m, ctx.locale)) };
  if (!overrideReason?.trim()) {
    throw new AppError(409, 'STAGE_GATE_UNMET', { stage: target.name, count: missing.length }, { ...details, canOverride: mayOverride(ctx, process) });
  }
  if (!OVERRIDE_ROLES.includes(ctx.roleKey ?? '')) throw new AppError(403, 'GATE_OVERRIDE_FORBIDDEN', {}, details);
  if (!process.allowManagerOverride) throw new AppError(403, 'GATE_OVERRIDE_DISABLED', {}, details);
  return { move, missing, overridden: true };
}
