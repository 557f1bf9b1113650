import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, isApiError } from '../api/api-error';
import type { Opportunity, OpportunityInput } from '../api/opportunities';
import type { BantPart } from '../api/sales-processes';
import { emptyToNull } from '../shared/form-values';
import { moneyOrNull } from '../shared/money';

/** What the deal form edits; the shape follows the API so that server field errors land on their inputs. */
export interface DealFormValues {
  name: string;
  accountId: string | null;
  processId?: string | null;
  amount: { amount?: string | null; currency: string };
  closeDate: Dayjs | null;
  ownerId?: string | null;
  bant: {
    budget: { amount: { amount?: string | null; currency: string }; approved: boolean };
    authority: { decisionMakerContactIds: string[]; participants: string[] };
    need: { problem?: string | null; goal?: string | null };
    timeline: { date: Dayjs | null; reason?: string | null };
  };
}

export const DEAL_FORM_FIELDS = [
  'name',
  'accountId',
  'processId',
  'amount.amount',
  'amount.currency',
  'closeDate',
  'ownerId',
  'bant.budget.amount.amount',
  'bant.budget.approved',
  'bant.authority.decisionMakerContactIds',
  'bant.authority.participants',
  'bant.need.problem',
  'bant.need.goal',
  'bant.timeline.date',
  'bant.timeline.reason',
] as const;

export const DEAL_FIELD_ALIASES: Readonly<Record<string, string>> = {
  amount: 'amount.amount',
  'bant.budget.amount': 'bant.budget.amount.amount',
  'bant.budget': 'bant.budget.amount.amount',
  'bant.authority': 'bant.authority.decisionMakerContactIds',
  'bant.need': 'bant.need.problem',
  'bant.timeline': 'bant.timeline.date',
};

/** The input each BANT part is judged by (a budget amount, a decision maker, a problem or goal, a date). */
export const BANT_PART_FIELDS: Readonly<Record<BantPart, string>> = {
  budget: 'bant.budget.amount.amount',
  authority: 'bant.authority.decisionMakerContactIds',
  need: 'bant.need.problem',
  timeline: 'bant.timeline.date',
};

export function toDealFormValues(deal: Opportunity | null, defaults: { currency: string; ownerId?: string; accountId?: string | null }): DealFormValues {
  const currency = deal?.currency ?? defaults.currency;
  if (!deal) {
    return {
      name: '',
      accountId: defaults.accountId ?? null,
      processId: null,
      amount: { amount: '', currency },
      closeDate: null,
      ownerId: defaults.ownerId ?? null,
      bant: {
        budget: { amount: { amount: '', currency }, approved: false },
        authority: { decisionMakerContactIds: [], participants: [] },
        need: { problem: '', goal: '' },
        timeline: { date: null, reason: '' },
      },
    };
  }
  const { bant } = deal;
  return {
    name: deal.name,
    accountId: deal.accountId,
    processId: deal.processId,
    amount: { amount: deal.amount?.amount ?? '', currency: deal.amount?.currency ?? currency },
    closeDate: deal.closeDate ? dayjs(deal.closeDate) : null,
    ownerId: deal.ownerId,
    bant: {
      budget: { amount: { amount: bant.budget.amount?.amount ?? '', currency: bant.budget.amount?.currency ?? currency }, approved: bant.budget.approved },
      authority: { decisionMakerContactIds: bant.authority.decisionMakerContactIds, participants: bant.authority.participants },
      need: { problem: bant.need.problem ?? '', goal: bant.need.goal ?? '' },
      timeline: { date: bant.timeline.date ? dayjs(bant.timeline.date) : null, reason: bant.timeline.reason ?? '' },
    },
  };
}

const dateOnly = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/**
 * The API payload for the form: trimmed texts, empty as null, amounts as exact decimal strings.
 * `amountFollowsLines`: the deal has line items, so its amount is theirs and is not sent.
 */
export function toDealInput(values: DealFormValues, options: { amountFollowsLines?: boolean } = {}): OpportunityInput {
  return {
    name: values.name.trim(),
    accountId: values.accountId ?? '',
    ...(values.processId ? { processId: values.processId } : {}),
    ...(options.amountFollowsLines ? {} : { amount: moneyOrNull(values.amount.amount, values.amount.currency) }),
    closeDate: dateOnly(values.closeDate) ?? '',
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    bant: toBantInput(values.bant),
  };
}

/** The BANT inputs as the API takes them (a deal's form, or the lead conversion's new deal). */
export function toBantInput(b: DealFormValues['bant']): NonNullable<OpportunityInput['bant']> {
  return {
    budget: { amount: moneyOrNull(b.budget.amount.amount, b.budget.amount.currency), approved: b.budget.approved },
    authority: { decisionMakerContactIds: b.authority.decisionMakerContactIds, participants: b.authority.participants.map((p) => p.trim()).filter(Boolean) },
    need: { problem: emptyToNull(b.need.problem), goal: emptyToNull(b.need.goal) },
    timeline: { date: dateOnly(b.timeline.date), reason: emptyToNull(b.timeline.reason) },
  };
}

/**
 * A strict tenant refuses an unqualified deal with BANT_INCOMPLETE and the missing parts: shown
 * as field errors on the inputs of those parts, like any validation error. Other errors pass through.
 */
export function bantRefusalAsFieldErrors(error: unknown): unknown {
  if (!isApiError(error) || error.code !== 'BANT_INCOMPLETE') return error;
  const details = error.details as { missing?: unknown } | undefined;
  const missing = Array.isArray(details?.missing) ? details.missing.filter((p): p is BantPart => typeof p === 'string' && p in BANT_PART_FIELDS) : [];
  if (missing.length === 0) return error;
  return new ApiError(error.status, 'VALIDATION_FAILED', error.message, {
    fields: missing.map((part) => ({ field: BANT_PART_FIELDS[part], message: error.message })),
  });
}
