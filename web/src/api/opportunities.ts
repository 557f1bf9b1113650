import { STAKEHOLDER_ROLES } from './battle-map';
import { request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import { resource } from './resources';
import type { ForecastCategory } from './sales-processes';
import type { BaseRecord, Money, OwnedRecord } from './types';

/** Deals (OPP-1 … OPP-3, OPP-7): the record, its stage moves, checklist, documents and history. */

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The battle map's roles, or other: the role a contact plays on a deal. */
export const CONTACT_ROLES = [...STAKEHOLDER_ROLES, 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface Bant {
  budget: { amount: Money | null; approved: boolean };
  authority: { decisionMakerContactIds: string[]; participants: string[] };
  need: { problem: string | null; goal: string | null };
  timeline: { date: string | null; reason: string | null };
}

export interface LineItem {
  id: string;
  productId: string;
  productName: string;
  productCode: string | null;
  productLineId: string | null;
  quantity: number;
  unitPrice: Money;
  discountPercent: number;
  lineTotal: Money;
  description: string | null;
}

export interface LineItemInput {
  productId: string;
  quantity: number;
  unitPrice?: Money | null;
  discountPercent?: number;
  description?: string | null;
}

export interface Opportunity extends OwnedRecord {
  name: string;
  accountId: string;
  accountName?: string | null;
  processId: string;
  stageId: string;
  stageName?: string | null;
  status: OpportunityStatus;
  currency: string;
  amount: Money | null;
  closeDate: string;
  /** In force: a person's override if set, else the stage's win rate. */
  probability: number;
  stageProbability: number;
  probabilityOverride: number | null;
  probabilityOverrideReason: string | null;
  forecastCategory: ForecastCategory;
  stageForecastCategory: ForecastCategory;
  forecastCategoryOverride: ForecastCategory | null;
  bant: Bant;
  bantMissing: string[];
  qualified: boolean;
  contacts: { contactId: string; role: ContactRole | null }[];
  competitors: string[];
  nextStep: string | null;
  description: string | null;
  checklist: Record<string, { done: boolean; at: string; byId: string | null }>;
  lineItems: LineItem[];
  ownerId: string;
  teamId: string | null;
  leadId: string | null;
  stageEnteredAt: string;
  closedAt: string | null;
  lossReason: string | null;
  lossReasonLabel?: string | null;
  closeCompetitor: string | null;
  closeNote: string | null;
}

export interface BantInput {
  budget?: { amount?: Money | null; approved?: boolean };
  authority?: { decisionMakerContactIds?: string[]; participants?: string[] };
  need?: { problem?: string | null; goal?: string | null };
  timeline?: { date?: string | null; reason?: string | null };
}

export interface OpportunityInput {
  name: string;
  accountId: string;
  processId?: string;
  amount?: Money | null;
  closeDate: string;
  probabilityOverride?: number | null;
  probabilityOverrideReason?: string | null;
  forecastCategoryOverride?: ForecastCategory | null;
  bant?: BantInput;
  lineItems?: LineItemInput[];
  contacts?: { contactId: string; role?: ContactRole | null }[];
  competitors?: string[];
  nextStep?: string | null;
  description?: string | null;
  ownerId?: string;
}

/** One exit criterion a move would leave unmet, with its message in the caller's language. */
export interface MissingItem {
  kind: 'checklist' | 'field' | 'document' | 'stakeholder';
  key: string;
  code: string;
  message: string;
  stageId?: string;
  stageName?: string;
  label?: string;
}

export interface GatePreview {
  stageId: string | null;
  stageName: string | null;
  passable: boolean;
  missing: MissingItem[];
  canOverride: boolean;
}

export interface StageHistoryEntry {
  id: string;
  action: 'create' | 'advance' | 'back' | 'override' | 'close' | 'reopen';
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string;
  toStageName: string;
  status: OpportunityStatus;
  probability: number;
  overrideReason: string | null;
  actorId: string | null;
  actorName: string | null;
  enteredAt: string;
  exitedAt: string | null;
  durationSeconds: number;
}

export interface DealDocument extends BaseRecord {
  opportunityId: string;
  name: string;
  kind: string | null;
  url: string | null;
  createdById: string | null;
}

export interface CloseInput {
  outcome: 'won' | 'lost';
  lossReason?: string | null;
  competitor?: string | null;
  note?: string | null;
  overrideReason?: string | null;
}

/** Count, amount and weighted amount per currency of what a filtered list shows. */
export interface PipelineTotals {
  count: number;
  totals: { currency: string; count: number; amount: string; weighted: string }[];
}

/** The most open deals the kanban loads for one process (five pages of 200). */
export const MAX_BOARD_DEALS = 1000;

const dealResource = resource<Opportunity, OpportunityInput>('opportunities');

/** Every deal matching the filters, page by page, up to `max` (`truncated` says there were more). */
async function listAll(params: Pick<ListParams, 'q' | 'filter'>, max: number, signal?: AbortSignal) {
  const data: Opportunity[] = [];
  let cursor: string | undefined;
  do {
    const page = await dealResource.list({ ...params, limit: 200, cursor, sort: 'closeDate' }, signal);
    data.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && data.length < max);
  return { data: data.slice(0, max), truncated: !!cursor || data.length > max };
}

const dealPath = (id: string, rest = '') => `/opportunities/${encodeURIComponent(id)}${rest}`;

export const opportunitiesApi = {
  ...dealResource,
  listAll,
  totals: (params: Pick<ListParams, 'q' | 'filter'>, signal?: AbortSignal) =>
    request<PipelineTotals>('GET', '/opportunities/totals', { query: buildListQuery({ q: params.q, filter: params.filter }), signal }),
  /** 409 STAGE_GATE_UNMET lists what is missing in `details.missing`; a manager may pass with `overrideReason`. */
  advance: (id: string, stageId: string, overrideReason?: string) =>
    request<Opportunity>('POST', dealPath(id, '/advance'), { body: { stageId, ...(overrideReason ? { overrideReason } : {}) } }),
  close: (id: string, input: CloseInput) => request<Opportunity>('POST', dealPath(id, '/close'), { body: input }),
  reopen: (id: string, reason?: string) => request<Opportunity>('POST', dealPath(id, '/reopen'), { body: reason ? { reason } : {} }),
  tick: (id: string, itemKey: string, done: boolean) =>
    request<Opportunity>('POST', dealPath(id, `/checklist/${encodeURIComponent(itemKey)}`), { body: { done } }),
  gate: (id: string, stageId?: string, signal?: AbortSignal) =>
    request<GatePreview>('GET', dealPath(id, '/gate'), { query: stageId ? `stageId=${encodeURIComponent(stageId)}` : undefined, signal }),
  stageHistory: (id: string, signal?: AbortSignal) => request<{ data: StageHistoryEntry[] }>('GET', dealPath(id, '/stage-history'), { signal }),
  documents: (id: string, signal?: AbortSignal) => request<{ data: DealDocument[] }>('GET', dealPath(id, '/documents'), { signal }),
  addDocument: (id: string, input: { name: string; kind: string | null; url: string | null }) =>
    request<DealDocument>('POST', dealPath(id, '/documents'), { body: input }),
  removeDocument: (id: string, documentId: string) => request<void>('DELETE', dealPath(id, `/documents/${encodeURIComponent(documentId)}`)),
};
