import { describe, expect, it } from 'vitest';
import type { StagePipeline } from '../api/analytics';
import { pipelineGrid } from './pipeline-grid';

const link = { path: '/api/v1/analytics/deals', query: {} };
const figures = (deals: number, amount: string) => ({ deals, amount, weighted: '0.00', overdue: 0, drill: link });
const stage = (stageId: string, order: number, owners: [string, string | null, number, string][]): StagePipeline => ({
  stageId, name: stageId, processId: 'p', order,
  ...figures(owners.reduce((s, o) => s + o[2], 0), '0.00'),
  owners: owners.map(([ownerId, name, deals, amount]) => ({ ownerId, name, ...figures(deals, amount) })),
});

describe('pipeline grid', () => {
  it('has one column per rep with an open deal anywhere, by name, and each stage keeps its order', () => {
    const grid = pipelineGrid([
      stage('qualify', 1, [['u2', 'Bob', 2, '500.00']]),
      stage('propose', 2, [['u1', 'Ann', 1, '1200.00'], ['u2', 'Bob', 1, '300.00']]),
      stage('negotiate', 3, []),
    ]);
    expect(grid.reps).toEqual([{ ownerId: 'u1', name: 'Ann' }, { ownerId: 'u2', name: 'Bob' }]);
    expect(grid.rows.map((r) => r.stage.stageId)).toEqual(['qualify', 'propose', 'negotiate']);
    expect(grid.rows[0].cells.u1).toBeUndefined();
    expect(grid.rows[0].cells.u2).toMatchObject({ deals: 2, amount: '500.00' });
    expect(grid.rows[1].cells.u1).toMatchObject({ deals: 1, amount: '1200.00' });
    expect(grid.rows[2].cells).toEqual({});
  });

  it('is empty without stages', () => {
    expect(pipelineGrid([])).toEqual({ reps: [], rows: [] });
  });
});
