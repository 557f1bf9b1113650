import { sql } from 'drizzle-orm';
import { customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import type { ImportColumn } from './header-mapping.js';

export const IMPORT_STATUSES = ['uploaded', 'mapping', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const DUPLICATE_POLICIES = ['skip', 'merge', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** PostgreSQL bytea; PGlite reads it as a Uint8Array, node-postgres as a Buffer. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * One file import: the uploaded file's shape, the mapping and duplicate policy chosen, and the
 * job's progress. `processed_rows` is the checkpoint: data rows 1…n are committed, together with
 * the counts, in the same transaction as the records they produced.
 */
export const imports = pgTable(
  'imports',
  {
    ...recordColumns(),
    /** What the rows become: `leads` (accounts and contacts may follow). */
    object: text('object').notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('uploaded'),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull().default(0),
    format: text('format'),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    /** Row number of the header in the file (a title row may come first). */
    headerRow: integer('header_row'),
    columns: jsonb('columns').$type<ImportColumn[]>().notNull().default(sql`'[]'::jsonb`),
    /** The first rows after the header, as text, for the mapping screen. */
    preview: jsonb('preview').$type<string[][]>().notNull().default(sql`'[]'::jsonb`),
    headerSignature: text('header_signature'),
    /** The mapping offered on upload (remembered for this header set, or suggested from the headers). */
    suggestedMapping: jsonb('suggested_mapping').$type<Record<string, string | null>>(),
    mappingSource: text('mapping_source'),
    /** The mapping the import runs with (column key → field). */
    mapping: jsonb('mapping').$type<Record<string, string | null>>(),
    duplicatePolicy: text('duplicate_policy').$type<DuplicatePolicy>().notNull().default('skip'),
    campaignId: uuid('campaign_id'),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    mergedCount: integer('merged_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    failureCode: text('failure_code'),
    failureParams: jsonb('failure_params').$type<Record<string, unknown>>(),
    /** Who uploaded it; the job runs with this user's rights. */
    ownerId: uuid('owner_id'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    index('imports_created_idx').on(t.tenantId, t.createdAt),
    index('imports_owner_idx').on(t.tenantId, t.ownerId, t.createdAt),
  ],
);

/** The uploaded file in chunks, so any server process can read it and a restarted job resumes. */
export const importFiles = pgTable(
  'import_files',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.importId, t.seq] }),
    foreignKey({ columns: [t.tenantId, t.importId], foreignColumns: [imports.tenantId, imports.id] }).onDelete('cascade'),
  ],
);

/** A rejected row: its original cells (to fix and upload again) and every reason. */
export const importRejects = pgTable(
  'import_rejects',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    errors: jsonb('errors').$type<{ column: string | null; field: string; code: string; params?: Record<string, unknown> }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.importId, t.rowNumber] }),
    foreignKey({ columns: [t.tenantId, t.importId], foreignColumns: [imports.tenantId, imports.id] }).onDelete('cascade'),
  ],
);

/** The mapping a tenant last used for a header set, offered again for the next file like it. */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...recordColumns(),
    object: text('object').notNull(),
    signature: text('signature').notNull(),
    /** Normalised header → field (or null: not imported). */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('import_mappings_signature_uq').on(t.tenantId, t.object, t.signature),
  ],
);
