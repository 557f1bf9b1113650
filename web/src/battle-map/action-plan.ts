import type { Stakeholder, StakeholderAction } from '../api/battle-map';

export interface PlannedAction {
  action: StakeholderAction;
  stakeholder: Stakeholder;
}

const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : new Date(iso).getTime());

/**
 * The deal's action plan across the battle map: what is still to do first, soonest due first
 * (undated after dated), then what is done, most recently done first.
 */
export function actionPlan(stakeholders: readonly Stakeholder[]): PlannedAction[] {
  const all = stakeholders.flatMap((stakeholder) => stakeholder.actions.map((action) => ({ action, stakeholder })));
  const open = all.filter((p) => !p.action.done).sort((a, b) => time(a.action.dueAt) - time(b.action.dueAt) || a.action.createdAt.localeCompare(b.action.createdAt));
  const done = all.filter((p) => p.action.done).sort((a, b) => (b.action.doneAt ?? '').localeCompare(a.action.doneAt ?? ''));
  return [...open, ...done];
}
