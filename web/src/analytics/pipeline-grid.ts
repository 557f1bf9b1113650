import type { StagePipeline } from '../api/analytics';

type OwnerFigures = StagePipeline['owners'][number];

export interface PipelineGrid {
  /** Every rep with an open deal in some stage, by name. */
  reps: { ownerId: string; name: string | null }[];
  /** The stages in the answer's order, each rep's figures by owner id (absent: nothing open there). */
  rows: { stage: StagePipeline; cells: Record<string, OwnerFigures | undefined> }[];
}

/** The team's progress as a grid: one row per stage, one column per rep (OPP-9). */
export function pipelineGrid(stages: readonly StagePipeline[]): PipelineGrid {
  const reps = new Map<string, string | null>();
  for (const stage of stages) for (const o of stage.owners) reps.set(o.ownerId, o.name);
  return {
    reps: [...reps]
      .map(([ownerId, name]) => ({ ownerId, name }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.ownerId.localeCompare(b.ownerId)),
    rows: stages.map((stage) => ({ stage, cells: Object.fromEntries(stage.owners.map((o) => [o.ownerId, o])) })),
  };
}
