import { isApiError } from '../api/api-error';
import type { MissingItem, Opportunity } from '../api/opportunities';
import type { RequirableField, Stage } from '../api/sales-processes';

/**
 * What the deal record itself shows is still missing to leave its stage: unticked checklist items
 * and empty required fields. Documents and battle-map checks need more than the record, so the
 * server's gate (GET /opportunities/{id}/gate) stays the word on a move; this is the card's hint.
 */
export type KnownGap = { kind: 'checklist'; key: string; label: string } | { kind: 'field'; key: RequirableField };

type GapFacts = Pick<Opportunity, 'amount' | 'closeDate' | 'nextStep' | 'competitors' | 'contacts' | 'lineItems' | 'bant' | 'checklist'>;

function filled(field: RequirableField, deal: GapFacts): boolean {
  switch (field) {
    case 'amount':
      return !!deal.amount && /[1-9]/.test(deal.amount.amount) && !deal.amount.amount.startsWith('-');
    case 'closeDate':
      return !!deal.closeDate;
    case 'nextStep':
      return !!deal.nextStep?.trim();
    case 'competitors':
      return deal.competitors.length > 0;
    case 'contacts':
      return deal.contacts.length > 0;
    case 'lineItems':
      return deal.lineItems.length > 0;
    case 'bant.budget':
      return deal.bant.budget.amount !== null;
    case 'bant.budget.approved':
      return deal.bant.budget.approved;
    case 'bant.authority':
      return deal.bant.authority.decisionMakerContactIds.length > 0;
    case 'bant.need':
      return !!(deal.bant.need.problem || deal.bant.need.goal);
    case 'bant.timeline':
      return !!deal.bant.timeline.date;
  }
}

export function knownGaps(stage: Pick<Stage, 'exitCriteria'> | undefined, deal: GapFacts): KnownGap[] {
  if (!stage) return [];
  const { checklist, requiredFields } = stage.exitCriteria;
  return [
    ...checklist.filter((item) => !deal.checklist[item.key]?.done).map((item) => ({ kind: 'checklist' as const, key: item.key, label: item.label })),
    ...requiredFields.filter((field) => !filled(field, deal)).map((field) => ({ kind: 'field' as const, key: field })),
  ];
}

export interface GateRefusal {
  /** The server's sentence ("The deal cannot move to … : 2 exit criteria are not met."). */
  message: string;
  missing: MissingItem[];
  canOverride: boolean;
}

/** A 409 STAGE_GATE_UNMET answer: exactly what is missing, in the caller's language; null for any other error. */
export function gateRefusal(error: unknown): GateRefusal | null {
  if (!isApiError(error) || error.code !== 'STAGE_GATE_UNMET') return null;
  const details = (error.details ?? {}) as { missing?: unknown; canOverride?: unknown };
  const missing = Array.isArray(details.missing)
    ? details.missing.filter((m): m is MissingItem => typeof m === 'object' && m !== null && typeof (m as MissingItem).message === 'string')
    : [];
  return { message: error.message, missing, canOverride: details.canOverride === true };
}

/** Missing items grouped by the stage whose exit criterion each is, in the order given. */
export function missingByStage(missing: readonly MissingItem[]): { stageName: string | null; items: MissingItem[] }[] {
  const groups: { stageName: string | null; items: MissingItem[] }[] = [];
  for (const item of missing) {
    const name = item.stageName ?? null;
    const group = groups.find((g) => g.stageName === name);
    if (group) group.items.push(item);
    else groups.push({ stageName: name, items: [item] });
  }
  return groups;
}
