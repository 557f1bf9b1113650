import type { RequestContext } from '../../platform/access/context.js';
import { findLeadsByContactKeys, type Lead } from '../leads/leads.service.js';

/**
 * Duplicate detection for imported lead rows. Today: exact keys — the normalised e-mail, the
 * E.164 phone, and the credit code together with the person's name (a credit code alone names
 * the company, not the person). Behind this small interface so the fuzzy matcher of the dedup
 * module (company-name normalisation, blocking keys) can replace it without touching the job.
 */
export interface LeadKeyFields {
  name?: unknown;
  email?: unknown;
  phone?: unknown;
  creditCode?: unknown;
}

const personName = (name: unknown) => (typeof name === 'string' ? name.normalize('NFKC').replace(/\s+/g, '').toLowerCase() : '');

/** The keys under which two rows (or a row and a lead) are the same person; rows already normalised. */
export function duplicateKeys(row: LeadKeyFields): string[] {
  const keys: string[] = [];
  if (typeof row.email === 'string' && row.email) keys.push(`email:${row.email.toLowerCase()}`);
  if (typeof row.phone === 'string' && row.phone) keys.push(`phone:${row.phone}`);
  const name = personName(row.name);
  if (typeof row.creditCode === 'string' && row.creditCode && name) keys.push(`cc:${row.creditCode}|${name}`);
  return keys;
}

const CLOSED = new Set(['converted', 'disqualified']);

/**
 * For each row, the existing lead (visible to the caller) it duplicates, or null. One query for
 * the whole batch. A key earlier in `duplicateKeys` wins (e-mail, then phone, then credit code +
 * name); among leads with the same key an open lead wins over a closed one, then the oldest.
 */
export async function findDuplicateLeads(ctx: RequestContext, rows: readonly LeadKeyFields[]): Promise<(Lead | null)[]> {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const creditCodes = new Set<string>();
  for (const row of rows) {
    if (typeof row.email === 'string' && row.email) emails.add(row.email.toLowerCase());
    if (typeof row.phone === 'string' && row.phone) phones.add(row.phone);
    if (typeof row.creditCode === 'string' && row.creditCode) creditCodes.add(row.creditCode);
  }
  const candidates = await findLeadsByContactKeys(ctx, { emails: [...emails], phones: [...phones], creditCodes: [...creditCodes] });
  // Oldest first already; open leads before closed ones, keeping that order within each group.
  const ordered = [...candidates.filter((l) => !CLOSED.has(l.status)), ...candidates.filter((l) => CLOSED.has(l.status))];
  const byKey = new Map<string, Lead>();
  for (const lead of ordered) {
    for (const key of duplicateKeys(lead)) if (!byKey.has(key)) byKey.set(key, lead);
  }
  return rows.map((row) => {
    for (const key of duplicateKeys(row)) {
      const lead = byKey.get(key);
      if (lead) return lead;
    }
    return null;
  });
}
