import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { FieldChanges } from './audit.schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  tenantId: string;
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  apiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
  action: string;
  object: string;
  recordId: string;
  changes: FieldChanges;
  prevHash: string;
}

/** The hash of an entry covers every field and the previous entry's hash. */
export function entryHash(entry: ChainedEntry): string {
  const { at, ...rest } = entry;
  return createHash('sha256').update(canonicalJson({ ...rest, at: at.toISOString() })).digest('hex');
}
