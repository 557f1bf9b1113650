import type { StakeholderCheck } from '../api/battle-map';
import type { ChecklistItem, ExitCriteria, ForecastCategory, RequirableField, SalesProcess, Stage, StageInput } from '../api/sales-processes';

/** What the stage drawer edits; checklist items keep their key, new ones get one on save. */
export interface StageFormValues {
  name: string;
  probability: number;
  forecastCategory: ForecastCategory;
  checklist: { key?: string; label: string }[];
  requiredFields: RequirableField[];
  requiredDocuments: string[];
  requiredStakeholders: StakeholderCheck[];
}

export const STAGE_FORM_FIELDS = [
  'name', 'probability', 'forecastCategory', 'checklist', 'requiredFields', 'requiredDocuments', 'requiredStakeholders',
] as const;

/** Server paths of exit-criteria errors shown on their form field. */
export const STAGE_FIELD_ALIASES: Readonly<Record<string, string>> = {
  'exitCriteria.checklist': 'checklist',
  'exitCriteria.requiredFields': 'requiredFields',
  'exitCriteria.requiredDocuments': 'requiredDocuments',
  'exitCriteria.requiredStakeholders': 'requiredStakeholders',
};

const MAX_KEY = 50;

/**
 * A lower_snake_case key for a checklist label, unique among `taken`: "Proposal sent" →
 * "proposal_sent"; labels without Latin letters or digits (所有中文) → "item", "item_2", …
 */
export function checklistKey(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, MAX_KEY - 4)
      .replace(/_+$/, '') || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const key = `${base}_${n}`;
    if (!taken.has(key)) return key;
  }
}

export function toStageFormValues(stage: Stage | null): StageFormValues {
  const criteria = stage?.exitCriteria;
  return {
    name: stage?.name ?? '',
    probability: stage?.probability ?? 10,
    forecastCategory: stage?.forecastCategory ?? 'pipeline',
    checklist: (criteria?.checklist ?? []).map((item) => ({ key: item.key, label: item.label })),
    requiredFields: criteria?.requiredFields ?? [],
    requiredDocuments: criteria?.requiredDocuments ?? [],
    requiredStakeholders: criteria?.requiredStakeholders ?? [],
  };
}

/**
 * The stage payload. Checklist keys are unique across the whole process (a deal's ticks are
 * kept by key), so new items avoid the keys of every other stage too; blank items are dropped.
 */
export function toStageInput(values: StageFormValues, process: SalesProcess | null, stageId: string | null): StageInput {
  const taken = new Set(
    (process?.stages ?? []).filter((s) => s.id !== stageId).flatMap((s) => s.exitCriteria.checklist.map((item) => item.key)),
  );
  const items = (values.checklist ?? []).map((item) => ({ key: item.key, label: item.label?.trim() ?? '' })).filter((item) => item.label !== '');
  for (const item of items) if (item.key) taken.add(item.key);
  const checklist: ChecklistItem[] = items.map((item) => {
    if (item.key) return { key: item.key, label: item.label };
    const key = checklistKey(item.label, taken);
    taken.add(key);
    return { key, label: item.label };
  });
  const exitCriteria: ExitCriteria = {
    checklist,
    requiredFields: values.requiredFields ?? [],
    requiredDocuments: [...new Set((values.requiredDocuments ?? []).map((d) => d.trim()).filter(Boolean))],
    requiredStakeholders: values.requiredStakeholders ?? [],
  };
  return { name: values.name.trim(), probability: values.probability, forecastCategory: values.forecastCategory, exitCriteria };
}

/** How many exit criteria a stage has, by kind (for the stage list). */
export function criteriaCounts(criteria: ExitCriteria): { checklist: number; fields: number; documents: number; stakeholders: number } {
  return {
    checklist: criteria.checklist.length,
    fields: criteria.requiredFields.length,
    documents: criteria.requiredDocuments.length,
    stakeholders: criteria.requiredStakeholders.length,
  };
}

/** The open stages in order (what an admin reorders) and the closing ones (won, lost), which stay last. */
export function splitStages(stages: readonly Stage[]): { open: Stage[]; closing: Stage[] } {
  const sorted = [...stages].sort((a, b) => a.order - b.order);
  return { open: sorted.filter((s) => !s.isWon && !s.isLost), closing: sorted.filter((s) => s.isWon || s.isLost) };
}

/** Processes grouped by business line (processes without one first), each group by name. */
export function groupByBusinessLine(processes: readonly SalesProcess[]): { businessLine: string | null; processes: SalesProcess[] }[] {
  const groups = new Map<string | null, SalesProcess[]>();
  for (const p of processes) {
    const key = p.businessLine?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([businessLine, list]) => ({ businessLine, processes: [...list].sort((a, b) => a.name.localeCompare(b.name)) }));
}
