import { describe, expect, it } from 'vitest';
import type { Stakeholder, StakeholderAction } from '../api/battle-map';
import { actionPlan } from './action-plan';

const action = (id: string, extra: Partial<StakeholderAction> = {}): StakeholderAction => ({
  id, stakeholderId: 's', description: id, visitorIds: [], dueAt: null, done: false, doneAt: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...extra,
});
const person = (id: string, actions: StakeholderAction[]) => ({ id, actions }) as unknown as Stakeholder;

describe('actionPlan', () => {
  it('lists open actions soonest first (undated last), then done ones latest first, with whom they concern', () => {
    const plan = actionPlan([
      person('cio', [
        action('undated', { createdAt: '2026-01-02T00:00:00.000Z' }),
        action('late', { dueAt: '2026-03-01T00:00:00.000Z' }),
        action('done-early', { done: true, doneAt: '2026-01-05T00:00:00.000Z' }),
      ]),
      person('cfo', [
        action('soon', { dueAt: '2026-02-01T00:00:00.000Z' }),
        action('undated-older'),
        action('done-late', { done: true, doneAt: '2026-01-09T00:00:00.000Z' }),
      ]),
    ]);
    expect(plan.map((p) => `${p.stakeholder.id}:${p.action.id}`)).toEqual([
      'cfo:soon', 'cio:late', 'cfo:undated-older', 'cio:undated', 'cfo:done-late', 'cio:done-early',
    ]);
  });

  it('is empty for a map without actions', () => {
    expect(actionPlan([person('a', [])])).toEqual([]);
  });
});
