import { bantPartFilled, type Bant } from './bant.js';
import { runCheck, STAKEHOLDER_CHECKS, type StakeholderCheck, type StakeholderFact } from './battle-map.js';
import type { ForecastCategory } from './probability.js';

/**
 * Stage gates: what must be true of a deal before it may leave a stage. The evaluator is pure —
 * the deal, its battle map, its documents and its checklist in; the missing items out.
 */
export interface ChecklistItem {
  key: string;
  label: string;
}

/** Opportunity fields a stage may require (BANT parts included). */
export const REQUIRABLE_FIELDS = [
  'amount', 'closeDate', 'nextStep', 'competitors', 'contacts', 'lineItems',
  'bant.budget', 'bant.budget.approved', 'bant.authority', 'bant.need', 'bant.timeline',
] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export interface ExitCriteria {
  checklist: ChecklistItem[];
  requiredFields: RequirableField[];
  /** Document kinds (or names) that must be attached, e.g. "tender", "final_proposal". */
  requiredDocuments: string[];
  requiredStakeholders: StakeholderCheck[];
}

export const EMPTY_CRITERIA: ExitCriteria = { checklist: [], requiredFields: [], requiredDocuments: [], requiredStakeholders: [] };

export type MissingKind = 'checklist' | 'field' | 'document' | 'stakeholder';

export interface MissingItem {
  kind: MissingKind;
  key: string;
  /** Stable message code. */
  code: string;
  /** The stage whose exit criterion this is. */
  stageId?: string;
  stageName?: string;
  /** A checklist item's label; the battle-map stakeholders concerned. */
  label?: string;
  stakeholderIds?: string[];
}

export interface GateFacts {
  opportunity: {
    amountMinor: bigint | null;
    closeDate: string | null;
    nextStep: string | null;
    competitors: string[];
    contactCount: number;
    lineItemCount: number;
    bant: Bant;
  };
  stakeholders: StakeholderFact[];
  documents: { name: string; kind: string | null }[];
  /** Checklist item key → done. */
  checklist: Record<string, boolean>;
}

function fieldFilled(field: RequirableField, o: GateFacts['opportunity']): boolean {
  switch (field) {
    case 'amount':
      return o.amountMinor !== null && o.amountMinor > 0n;
    case 'closeDate':
      return !!o.closeDate;
    case 'nextStep':
      return !!o.nextStep?.trim();
    case 'competitors':
      return o.competitors.length > 0;
    case 'contacts':
      return o.contactCount > 0;
    case 'lineItems':
      return o.lineItemCount > 0;
    case 'bant.budget':
      return bantPartFilled(o.bant, 'budget');
    case 'bant.budget.approved':
      return o.bant.budget.approved;
    case 'bant.authority':
      return bantPartFilled(o.bant, 'authority');
    case 'bant.need':
      return bantPartFilled(o.bant, 'need');
    case 'bant.timeline':
      return bantPartFilled(o.bant, 'timeline');
  }
}

const norm = (s: string) => s.trim().toLowerCase();

/** A required document is there when a document's kind or name matches it (case and spaces ignored). */
export const hasDocument = (required: string, documents: GateFacts['documents']) =>
  documents.some((d) => norm(d.kind ?? '') === norm(required) || norm(d.name) === norm(required));

/** Everything `criteria` asks for that `facts` do not show, in the order checklist, fields, documents, stakeholders. */
export function evaluateExitCriteria(criteria: ExitCriteria, facts: GateFacts): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const item of criteria.checklist) {
    if (!facts.checklist[item.key]) missing.push({ kind: 'checklist', key: item.key, code: 'CHECKLIST_ITEM_NOT_DONE', label: item.label });
  }
  for (const field of criteria.requiredFields) {
    if (!fieldFilled(field, facts.opportunity)) missing.push({ kind: 'field', key: field, code: 'REQUIRED_FIELD_MISSING' });
  }
  for (const doc of criteria.requiredDocuments) {
    if (!hasDocument(doc, facts.documents)) missing.push({ kind: 'document', key: doc, code: 'REQUIRED_DOCUMENT_MISSING' });
  }
  for (const check of criteria.requiredStakeholders) {
    const finding = runCheck(check, facts.stakeholders);
    if (finding) missing.push({ kind: 'stakeholder', key: check, code: finding.code, stakeholderIds: finding.stakeholderIds });
  }
  return missing;
}

export interface StageLike {
  id: string;
  name: string;
  order: number;
  isWon: boolean;
  isLost: boolean;
  exitCriteria: ExitCriteria;
}

export const isTerminal = (s: { isWon: boolean; isLost: boolean }) => s.isWon || s.isLost;

export type Move =
  | { direction: 'same' }
  | { direction: 'backward' }
  /** Forward: the open stages left behind, whose exit criteria must hold (current one first). */
  | { direction: 'forward'; passed: StageLike[] };

/**
 * Which stages a move leaves behind. Forward to an open stage passes the current stage and the
 * open stages between; winning passes every open stage from the current one on; backward and
 * losing pass nothing.
 */
export function planMove(stages: StageLike[], fromId: string, to: StageLike): Move {
  const sorted = [...stages].sort((a, b) => a.order - b.order);
  const from = sorted.find((s) => s.id === fromId);
  if (!from || from.id === to.id) return { direction: 'same' };
  if (to.isLost) return { direction: 'backward' };
  if (!to.isWon && to.order < from.order) return { direction: 'backward' };
  const passed = sorted.filter((s) => !isTerminal(s) && s.order >= from.order && (to.isWon || s.order < to.order));
  return { direction: 'forward', passed };
}

/** The missing items of every stage passed, each tagged with its stage. */
export function evaluateMove(move: Move, facts: GateFacts): MissingItem[] {
  if (move.direction !== 'forward') return [];
  return move.passed.flatMap((stage) =>
    evaluateExitCriteria(stage.exitCriteria, facts).map((m) => ({ ...m, stageId: stage.id, stageName: stage.name })),
  );
}

export interface StageDraft {
  key: string | null;
  name: string;
  probability: number;
  forecastCategory: ForecastCategory;
  isWon: boolean;
  isLost: boolean;
  exitCriteria: ExitCriteria;
}

export interface StageProblem {
  /** Index in the ordered list (or null for the whole process). */
  index: number | null;
  field: string;
  code: string;
}

/**
 * What is wrong with an ordered set of stages: one won and one lost stage, at least one open
 * stage, open stages before the terminal ones, unique stage keys, checklist keys unique across
 * the whole process (a deal's checklist is keyed by them), only known fields and checks.
 */
export function stageSetProblems(stages: StageDraft[]): StageProblem[] {
  const problems: StageProblem[] = [];
  const won = stages.filter((s) => s.isWon).length;
  const lost = stages.filter((s) => s.isLost).length;
  if (won !== 1 || lost !== 1) problems.push({ index: null, field: 'stages', code: 'ONE_WON_ONE_LOST' });
  if (!stages.some((s) => !isTerminal(s))) problems.push({ index: null, field: 'stages', code: 'NO_OPEN_STAGE' });
  const firstTerminal = stages.findIndex(isTerminal);
  if (firstTerminal >= 0 && stages.slice(firstTerminal).some((s) => !isTerminal(s))) {
    problems.push({ index: null, field: 'stages', code: 'TERMINAL_STAGES_LAST' });
  }
  const stageKeys = new Set<string>();
  const checklistKeys = new Set<string>();
  stages.forEach((s, index) => {
    if (s.isWon && s.isLost) problems.push({ index, field: 'isWon', code: 'FIELD_INVALID' });
    if (!Number.isInteger(s.probability) || s.probability < 0 || s.probability > 100) {
      problems.push({ index, field: 'probability', code: 'FIELD_INVALID' });
    }
    if (s.key) {
      if (stageKeys.has(s.key)) problems.push({ index, field: 'key', code: 'DUPLICATE_KEY' });
      stageKeys.add(s.key);
    }
    for (const item of s.exitCriteria.checklist) {
      if (checklistKeys.has(item.key)) problems.push({ index, field: 'exitCriteria.checklist', code: 'DUPLICATE_KEY' });
      checklistKeys.add(item.key);
    }
    if (s.exitCriteria.requiredFields.some((f) => !(REQUIRABLE_FIELDS as readonly string[]).includes(f))) {
      problems.push({ index, field: 'exitCriteria.requiredFields', code: 'FIELD_INVALID' });
    }
    if (s.exitCriteria.requiredStakeholders.some((c) => !(STAKEHOLDER_CHECKS as readonly string[]).includes(c))) {
      problems.push({ index, field: 'exitCriteria.requiredStakeholders', code: 'FIELD_INVALID' });
    }
  });
  return problems;
}
