import type { ColumnMapping } from './imports';
import { postForm } from './http-client';

export const HISTORY_KINDS = ['sales-teams', 'products', 'accounts', 'opportunities'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryOptions {
  currency?: string;
  processId?: string;
  /** The file's stage → a stage key or name of the process. */
  stageMapping?: Record<string, string>;
  missingAccountName?: string;
  shiftDays?: number;
}

export interface HistoryImportResult {
  kind: HistoryKind;
  dryRun: boolean;
  rows: number;
  created: Record<string, number>;
  skipped: number;
  rejects: { rowNumber: number; errors: { field: string; code: string; message: string }[] }[];
  mapping: ColumnMapping;
  fields: { key: string; label: string; required: boolean }[];
  /** Opportunities: the stages the file names. */
  stages?: string[];
}

export const historyImportsApi = {
  /** Imports a history file, or with `dryRun` does it and rolls back: what the import would do. */
  run: (input: { kind: HistoryKind; file: File; mapping?: ColumnMapping; options?: HistoryOptions; dryRun: boolean }) => {
    const form = new FormData();
    form.append('kind', input.kind);
    if (input.mapping) form.append('mapping', JSON.stringify(input.mapping));
    if (input.options) form.append('options', JSON.stringify(input.options));
    form.append('dryRun', String(input.dryRun));
    form.append('file', input.file, input.file.name);
    return postForm<HistoryImportResult>('/analytics/history-imports', form);
  },
};
