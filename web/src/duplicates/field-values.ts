import type { Locale, Money } from '../api/types';
import type { DedupObject, DedupRecord, MatchReason } from '../api/duplicates';
import { REASON_CODES } from '../api/duplicates';
import type { MessageKey } from '../i18n/messages-en-us';
import { INDUSTRIES } from '../shared/industries';
import { labelOf, type LabelledValue } from '../shared/labelled-options';
import { formatMoney } from '../shared/money';
import { PROVINCES, REGIONS } from '../shared/regions';

const LABELLED: Readonly<Record<string, readonly LabelledValue[]>> = { industry: INDUSTRIES, region: REGIONS, province: PROVINCES };

const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && 'amount' in v && 'currency' in v;

/**
 * A field's value as the merge dialog shows it: labels for coded values, money formatted, the
 * owner's and account's names the record carries. Empty values give ''.
 */
export function displayValue(field: string, record: Record<string, unknown>, locale: Locale): string {
  const value = record[field];
  if (value === null || value === undefined || value === '') return '';
  if (field === 'ownerId') return String(record.ownerName ?? value);
  if (field === 'accountId') return String(record.accountName ?? value);
  if (isMoney(value)) return formatMoney(value, locale);
  if (Array.isArray(value)) return value.join(', ');
  if (LABELLED[field]) return labelOf(LABELLED[field], String(value), locale) || String(value);
  if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(value)) return value.slice(0, 8);
  return String(value);
}

/** The merge dialog's preview as a record: values plus the names of the records they came from. */
export function previewRecord(values: Record<string, unknown>, records: readonly DedupRecord[], choices: Record<string, string>): Record<string, unknown> {
  const origin = (field: string) => records.find((r) => r.id === choices[field]);
  return { ...values, ownerName: origin('ownerId')?.ownerName ?? null, accountName: origin('accountId')?.accountName ?? null };
}

export const fieldLabelKey = (field: string) => `merge.field.${field}` as MessageKey;

export const reasonLabelKey = (reason: MatchReason): MessageKey =>
  (REASON_CODES as readonly string[]).includes(reason.code) ? (`dedup.reason.${reason.code}` as MessageKey) : 'dedup.reason.unknown';

/** Where a record's page is. */
export function recordLink(object: DedupObject, id: string): string {
  return `/${object}/${encodeURIComponent(id)}`;
}

/** The second line of a record in a group: what tells it apart (company, job, place). */
export function memberSubtitle(object: DedupObject, record: Record<string, unknown>, locale: Locale): string {
  const parts =
    object === 'leads'
      ? [record.company, record.title, record.email ?? record.phone]
      : object === 'contacts'
        ? [record.accountName, record.title, record.email]
        : [record.creditCode, displayValue('province', record, locale), record.city];
  return parts.filter((p) => typeof p === 'string' && p !== '').join(' · ');
}
