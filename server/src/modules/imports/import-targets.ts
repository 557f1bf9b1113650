import type { RequestContext } from '../../platform/access/context.js';
import type { ObjectName } from '../../platform/access/permissions.js';
import { writeLeadBatch, type BatchOptions, type BatchOutcome, type BatchRow } from './lead-batch.js';
import { LEAD_IMPORT_FIELDS, type ImportField } from './lead-fields.js';

/**
 * What a file can be imported into. Each target names its fields (with the header names that
 * suggest them) and writes a batch of rows in the caller's transaction. Leads today; accounts
 * and contacts add an entry here with their own fields and batch writer.
 */
export interface ImportTarget {
  object: ObjectName;
  fields: readonly ImportField[];
  writeBatch(ctx: RequestContext, rows: readonly BatchRow[], opts: BatchOptions): Promise<BatchOutcome>;
}

const TARGETS: Record<string, ImportTarget> = {
  leads: { object: 'leads', fields: LEAD_IMPORT_FIELDS, writeBatch: writeLeadBatch },
};

export const IMPORT_OBJECTS = Object.keys(TARGETS);

export const importTarget = (object: string): ImportTarget | undefined => TARGETS[object];
