import { API_BASE, currentRequestLocale, postForm, request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import type { Page } from './types';

export type ImportStatus = 'uploaded' | 'mapping' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type DuplicatePolicy = 'skip' | 'merge' | 'create';
/** Column key (the header as in the file) → field key, or null: not imported. */
export type ColumnMapping = Record<string, string | null>;

export interface ImportCounts {
  created: number;
  merged: number;
  skipped: number;
  rejected: number;
}

export interface CellError {
  column: string | null;
  field: string;
  code: string;
  message: string;
}

export interface RejectedRow {
  rowNumber: number;
  cells: string[];
  errors: CellError[];
}

export interface ImportJob {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  object: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  duplicatePolicy: DuplicatePolicy;
  campaignId: string | null;
  mapping: ColumnMapping | null;
  progress: { processed: number; total: number | null; percent: number | null };
  counts: ImportCounts;
  failure: { code: string; message: string } | null;
  ownerId: string | null;
  ownerName?: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The first rejected rows (GET one import only). */
  errors?: RejectedRow[];
}

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  multiple: boolean;
}

export interface ImportPreview {
  id: string;
  status: ImportStatus;
  object: string;
  fileName: string;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  columns: { index: number; header: string; key: string; field: string | null; samples: string[] }[];
  rows: string[][];
  mapping: ColumnMapping;
  mappingSource: 'remembered' | 'suggested' | 'chosen';
  fields: ImportField[];
}

export interface StartImportInput {
  mapping: ColumnMapping;
  duplicatePolicy: DuplicatePolicy;
  campaignId?: string | null;
}

const path = (id: string, rest = '') => `/imports/${encodeURIComponent(id)}${rest}`;

export const importsApi = {
  list: (params: ListParams, signal?: AbortSignal) => request<Page<ImportJob>>('GET', '/imports', { query: buildListQuery(params), signal }),
  get: (id: string, signal?: AbortSignal) => request<ImportJob>('GET', path(id), { signal }),
  preview: (id: string, signal?: AbortSignal) => request<ImportPreview>('GET', path(id, '/preview'), { signal }),
  /** Stores the file and answers with its columns, first rows and the mapping offered. */
  upload: (file: File, object = 'leads') => {
    const form = new FormData();
    form.append('object', object);
    form.append('file', file, file.name);
    return postForm<ImportPreview & { import: ImportJob }>('/imports', form);
  },
  start: (id: string, input: StartImportInput) => request<ImportJob>('POST', path(id, '/start'), { body: input }),
  cancel: (id: string) => request<ImportJob>('POST', path(id, '/cancel')),
  /** A link the browser downloads: the rejected rows to fix and upload again. */
  reportUrl: (id: string, format: 'csv' | 'xlsx') =>
    `${API_BASE}${path(id, '/report')}?${new URLSearchParams({ format, locale: currentRequestLocale() }).toString()}`,
};
