import type { ColumnMapping, ImportField, ImportJob, ImportStatus } from '../api/imports';

/** Where the wizard stands for an import in a given status. */
export type WizardStage = 'upload' | 'mapping' | 'progress' | 'result';

export function stageOf(status: ImportStatus | undefined): WizardStage {
  switch (status) {
    case undefined:
    case 'uploaded':
      return 'upload';
    case 'mapping':
      return 'mapping';
    case 'queued':
    case 'running':
      return 'progress';
    default:
      return 'result';
  }
}

export const isActive = (status: ImportStatus) => status === 'queued' || status === 'running';

export const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'default',
  mapping: 'gold',
  queued: 'blue',
  running: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/**
 * What keeps a mapping from starting: required fields no column feeds (a name may also come
 * from first + last name), and single-valued fields chosen for more than one column.
 */
export function mappingProblems(mapping: ColumnMapping, fields: readonly ImportField[]): { missing: ImportField[]; duplicated: ImportField[] } {
  const used = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) used.set(field, (used.get(field) ?? 0) + 1);
  const has = (key: string) => (used.get(key) ?? 0) > 0;
  const missing = fields.filter((f) => f.required && !has(f.key) && !(f.key === 'name' && (has('firstName') || has('lastName'))));
  const duplicated = fields.filter((f) => !f.multiple && (used.get(f.key) ?? 0) > 1);
  return { missing, duplicated };
}

/** The progress bar: a percentage once the rows are counted, otherwise null (indeterminate). */
export function progressPercent(job: Pick<ImportJob, 'status' | 'progress'>): number | null {
  if (job.status === 'completed') return 100;
  return job.progress.percent;
}
