import { and, eq } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import type { Locale } from '../../platform/i18n/locale.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import './opportunities.messages.js';
import { lossReasons } from './opportunities.schema.js';
import { ensureDealSetup } from './deal-settings.service.js';
import { SeededStore } from './seeded-store.js';

export type Labels = Record<Locale, string>;

export interface LossReason extends ApiRecord {
  key: string;
  labels: Labels;
  /** The label in the caller's language. */
  label?: string;
  active: boolean;
  sortOrder: number;
}

/** Labels as given; a language left out takes the other one's text. */
function fillLabels(input: Partial<Labels> | undefined): Labels | undefined {
  if (!input) return undefined;
  const en = input['en-US']?.trim() || input['zh-CN']?.trim() || '';
  const zh = input['zh-CN']?.trim() || en;
  return { 'en-US': en, 'zh-CN': zh };
}

export const lossReasonStore = new SeededStore<LossReason>({
  object: 'loss_reasons',
  table: lossReasons,
  sortable: { sortOrder: lossReasons.sortOrder, key: lossReasons.key, createdAt: lossReasons.createdAt },
  defaultSort: 'sortOrder',
  filters: { active: lossReasons.active, key: lossReasons.key },
  searchColumns: [lossReasons.key],
  unique: { loss_reasons_key_uq: 'key' },
  toApi: (r) => ({
    key: r.key as string,
    labels: r.labels as Labels,
    active: r.active as boolean,
    sortOrder: r.sortOrder as number,
  }),
  toColumns: (input) => ({
    key: typeof input.key === 'string' ? input.key.trim() : undefined,
    labels: fillLabels(input.labels as Partial<Labels> | undefined),
    active: input.active,
    sortOrder: input.sortOrder,
  }),
  async decorate(ctx, records) {
    for (const r of records) r.label = r.labels[ctx.locale] || r.labels['en-US'];
  },
  seed: (ctx) => ensureDealSetup(ctx),
});

/** An active loss reason of the tenant by key (closing a deal as lost checks its reason here). */
export async function activeLossReason(ctx: RequestContext, key: string): Promise<{ key: string; labels: Labels } | null> {
  const [row] = await executor(ctx)
    .select({ key: lossReasons.key, labels: lossReasons.labels })
    .from(lossReasons)
    .where(and(eq(lossReasons.tenantId, ctx.tenantId), eq(lossReasons.key, key), eq(lossReasons.active, true)));
  return row ?? null;
}

/** Labels of the given loss-reason keys, for showing closed deals. */
export async function lossReasonLabels(ctx: RequestContext): Promise<Map<string, Labels>> {
  const rows = await executor(ctx)
    .select({ key: lossReasons.key, labels: lossReasons.labels })
    .from(lossReasons)
    .where(eq(lossReasons.tenantId, ctx.tenantId));
  return new Map(rows.map((r) => [r.key, r.labels]));
}
