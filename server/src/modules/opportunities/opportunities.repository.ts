import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import type { BantPart } from './bant.js';
import type { StakeholderFact } from './battle-map.js';
import type { ExitCriteria } from './exit-criteria.js';
import {
  opportunities, opportunityDocuments, opportunityLineItems, opportunitySettings, opportunityStageHistory,
  opportunityStakeholders, salesStages, stakeholderActions, stakeholderAttitudeHistory,
} from './opportunities.schema.js';
import type { ForecastCategory } from './probability.js';

/**
 * The module's SQL beyond the record store: stages, line items, stage history, battle-map
 * facts and the bulk refreshes of automated values. Every query is scoped to ctx.tenantId;
 * callers check the caller's rights on the deal or process first.
 */

// --- Settings ---

export type SettingsRow = typeof opportunitySettings.$inferSelect;

export async function settingsRow(ctx: RequestContext, lock = false): Promise<SettingsRow | undefined> {
  const query = executor(ctx).select().from(opportunitySettings).where(eq(opportunitySettings.tenantId, ctx.tenantId));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Claims the tenant's first-use setup: true for the one transaction that inserted the row. */
export async function claimSetup(ctx: RequestContext): Promise<boolean> {
  const rows = await executor(ctx)
    .insert(opportunitySettings)
    .values({ tenantId: ctx.tenantId })
    .onConflictDoNothing({ target: opportunitySettings.tenantId })
    .returning({ tenantId: opportunitySettings.tenantId });
  return rows.length > 0;
}

export async function writeSettings(ctx: RequestContext, values: { bantMode: string; bantRequired: string[] }) {
  await executor(ctx)
    .update(opportunitySettings)
    .set({ ...values, version: sql`${opportunitySettings.version} + 1`, updatedAt: new Date() })
    .where(eq(opportunitySettings.tenantId, ctx.tenantId));
}

/** Re-applies the tenant's required BANT parts to every deal's `qualified` flag (a derived value). */
export async function recomputeQualified(ctx: RequestContext, required: BantPart[]) {
  const parts = sql`ARRAY[${sql.join(required.map((p) => sql`${p}`), sql`, `)}]::text[]`;
  await executor(ctx)
    .update(opportunities)
    .set({ qualified: required.length === 0 ? sql`true` : sql`NOT (${opportunities.bantMissing} && ${parts})` })
    .where(eq(opportunities.tenantId, ctx.tenantId));
}

// --- Pipeline totals ---

export interface CurrencyTotals {
  currency: string;
  count: number;
  /** Sum of the amounts (deals without an amount count as none). */
  amount: string;
  /** Sum of amount × probability in force, rounded once to the minor unit. */
  weighted: string;
}

/**
 * Count, amount and weighted amount of the deals matching `conditions` (the list's own condition:
 * tenant, visibility, filters, search), per currency: amounts of different currencies never add up.
 */
export async function pipelineTotals(ctx: RequestContext, conditions: (SQL | undefined)[]): Promise<CurrencyTotals[]> {
  const rows = await executor(ctx)
    .select({
      currency: opportunities.currency,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(20,2)::text`,
      weighted: sql<string>`coalesce(round(sum(${opportunities.amount} * ${opportunities.probability}) / 100, 2), 0)::numeric(20,2)::text`,
    })
    .from(opportunities)
    .where(and(...conditions))
    .groupBy(opportunities.currency)
    .orderBy(sql`count(*) DESC`, asc(opportunities.currency));
  return rows.map((r) => ({ currency: r.currency.trim(), count: Number(r.count), amount: r.amount, weighted: r.weighted }));
}

// --- Stages ---

export type StageRow = typeof salesStages.$inferSelect;

export async function stagesOf(ctx: RequestContext, processIds: string[]): Promise<StageRow[]> {
  if (processIds.length === 0) return [];
  return executor(ctx)
    .select()
    .from(salesStages)
    .where(and(eq(salesStages.tenantId, ctx.tenantId), inArray(salesStages.processId, processIds)))
    .orderBy(asc(salesStages.processId), asc(salesStages.order));
}

export interface StageValues {
  key: string | null;
  name: string;
  order: number;
  probability: number;
  forecastCategory: ForecastCategory;
  isWon: boolean;
  isLost: boolean;
  exitCriteria: ExitCriteria;
}

export async function insertStages(ctx: RequestContext, processId: string, stages: StageValues[]): Promise<void> {
  if (stages.length === 0) return;
  await executor(ctx)
    .insert(salesStages)
    .values(stages.map((s) => ({ ...s, tenantId: ctx.tenantId, id: uuidv7(), processId })));
}

export async function updateStage(ctx: RequestContext, stageId: string, values: StageValues): Promise<void> {
  await executor(ctx)
    .update(salesStages)
    .set({ ...values, version: sql`${salesStages.version} + 1`, updatedAt: new Date() })
    .where(and(eq(salesStages.tenantId, ctx.tenantId), eq(salesStages.id, stageId)));
}

export async function deleteStages(ctx: RequestContext, stageIds: string[]): Promise<void> {
  if (stageIds.length === 0) return;
  await executor(ctx).delete(salesStages).where(and(eq(salesStages.tenantId, ctx.tenantId), inArray(salesStages.id, stageIds)));
}

/** How many deals (open or closed) sit at each of these stages. */
export async function dealsAtStages(ctx: RequestContext, stageIds: string[]): Promise<Map<string, number>> {
  if (stageIds.length === 0) return new Map();
  const rows = await executor(ctx)
    .select({ stageId: opportunities.stageId, count: sql<number>`count(*)::int` })
    .from(opportunities)
    .where(and(eq(opportunities.tenantId, ctx.tenantId), inArray(opportunities.stageId, stageIds)))
    .groupBy(opportunities.stageId);
  return new Map(rows.map((r) => [r.stageId, Number(r.count)]));
}

/**
 * A stage's win rate or forecast category changed: the open deals at it take the new automated
 * values; what a person set (the overrides) stays and still wins.
 */
export async function refreshStageDefaults(ctx: RequestContext, stageId: string, probability: number, forecastCategory: string) {
  await executor(ctx)
    .update(opportunities)
    .set({
      stageProbability: probability,
      stageForecastCategory: forecastCategory,
      probability: sql`coalesce(${opportunities.probabilityOverride}, ${probability})`,
      forecastCategory: sql`coalesce(${opportunities.forecastCategoryOverride}, ${forecastCategory})`,
    })
    .where(and(eq(opportunities.tenantId, ctx.tenantId), eq(opportunities.stageId, stageId), eq(opportunities.status, 'open')));
}

// --- Line items ---

export type LineItemRow = typeof opportunityLineItems.$inferSelect;
export type LineItemValues = Omit<typeof opportunityLineItems.$inferInsert, 'tenantId' | 'opportunityId' | 'position'>;

export async function lineItemsOf(ctx: RequestContext, opportunityIds: string[]): Promise<LineItemRow[]> {
  if (opportunityIds.length === 0) return [];
  return executor(ctx)
    .select()
    .from(opportunityLineItems)
    .where(and(eq(opportunityLineItems.tenantId, ctx.tenantId), inArray(opportunityLineItems.opportunityId, opportunityIds)))
    .orderBy(asc(opportunityLineItems.opportunityId), asc(opportunityLineItems.position));
}

export async function replaceLineItems(ctx: RequestContext, opportunityId: string, items: LineItemValues[]): Promise<LineItemRow[]> {
  await executor(ctx)
    .delete(opportunityLineItems)
    .where(and(eq(opportunityLineItems.tenantId, ctx.tenantId), eq(opportunityLineItems.opportunityId, opportunityId)));
  if (items.length === 0) return [];
  return executor(ctx)
    .insert(opportunityLineItems)
    .values(items.map((item, i) => ({ ...item, id: item.id ?? uuidv7(), tenantId: ctx.tenantId, opportunityId, position: i + 1 })))
    .returning();
}

// --- Stage history ---

export interface StageHistoryEntry {
  opportunityId: string;
  action: 'create' | 'advance' | 'back' | 'override' | 'close' | 'reopen';
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string;
  toStageName: string;
  status: string;
  probability: number;
  overrideReason?: string | null;
  overriddenMissing?: unknown[] | null;
  at?: Date;
}

export async function insertStageHistory(ctx: RequestContext, entry: StageHistoryEntry): Promise<void> {
  await executor(ctx).insert(opportunityStageHistory).values({
    ...entry,
    tenantId: ctx.tenantId,
    id: uuidv7(),
    actorId: ctx.actor.userId,
    at: entry.at ?? new Date(),
  });
}

export interface StageHistoryRow {
  id: string;
  action: string;
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string;
  toStageName: string;
  status: string;
  probability: number;
  overrideReason: string | null;
  overriddenMissing: unknown[] | null;
  actorId: string | null;
  actorName: string | null;
  enteredAt: Date;
  exitedAt: Date | null;
  /** Time spent in the stage entered (until the next entry, or until now for the current one). */
  durationSeconds: number;
}

/** The deal's stage entries in order, each with when it was left and how long it lasted. */
export async function stageHistoryOf(ctx: RequestContext, opportunityId: string): Promise<StageHistoryRow[]> {
  const rows = await queryRows<StageHistoryRow & { enteredAt: Date | string; exitedAt: Date | string | null }>(
    executor(ctx),
    sql`SELECT h.id, h.action, h.from_stage_id AS "fromStageId", h.from_stage_name AS "fromStageName",
               h.to_stage_id AS "toStageId", h.to_stage_name AS "toStageName", h.status, h.probability,
               h.override_reason AS "overrideReason", h.overridden_missing AS "overriddenMissing",
               h.actor_id AS "actorId", u.name AS "actorName", h.at AS "enteredAt",
               lead(h.at) OVER w AS "exitedAt",
               extract(epoch FROM coalesce(lead(h.at) OVER w, now()) - h.at)::float8 AS "durationSeconds"
          FROM opportunity_stage_history h
          LEFT JOIN users u ON u.tenant_id = h.tenant_id AND u.id = h.actor_id
         WHERE h.tenant_id = ${ctx.tenantId} AND h.opportunity_id = ${opportunityId}
        WINDOW w AS (ORDER BY h.at, h.id)
         ORDER BY h.at, h.id`,
  );
  return rows.map((r) => ({
    ...r,
    probability: Number(r.probability),
    enteredAt: new Date(r.enteredAt),
    exitedAt: r.exitedAt ? new Date(r.exitedAt) : null,
    durationSeconds: Math.max(0, Math.round(Number(r.durationSeconds))),
  }));
}

/** The open stage a deal was at when it was last closed. */
export async function stageBeforeClose(ctx: RequestContext, opportunityId: string): Promise<string | null> {
  const [row] = await executor(ctx)
    .select({ fromStageId: opportunityStageHistory.fromStageId })
    .from(opportunityStageHistory)
    .where(and(
      eq(opportunityStageHistory.tenantId, ctx.tenantId),
      eq(opportunityStageHistory.opportunityId, opportunityId),
      eq(opportunityStageHistory.action, 'close'),
    ))
    .orderBy(sql`${opportunityStageHistory.at} DESC, ${opportunityStageHistory.id} DESC`)
    .limit(1);
  return row?.fromStageId ?? null;
}

// --- Battle map and documents ---

export type StakeholderRow = typeof opportunityStakeholders.$inferSelect;
export type ActionRow = typeof stakeholderActions.$inferSelect;
export type DocumentRow = typeof opportunityDocuments.$inferSelect;
export type AttitudeRow = typeof stakeholderAttitudeHistory.$inferSelect;

export function stakeholdersOf(ctx: RequestContext, opportunityId: string): Promise<StakeholderRow[]> {
  return executor(ctx)
    .select()
    .from(opportunityStakeholders)
    .where(and(eq(opportunityStakeholders.tenantId, ctx.tenantId), eq(opportunityStakeholders.opportunityId, opportunityId)))
    .orderBy(asc(opportunityStakeholders.createdAt), asc(opportunityStakeholders.id));
}

export const toStakeholderFact = (s: StakeholderRow): StakeholderFact => ({
  id: s.id,
  role: s.role as StakeholderFact['role'],
  level: s.level as StakeholderFact['level'],
  attitude: s.attitude as StakeholderFact['attitude'],
  lastContactAt: s.lastContactAt?.toISOString() ?? null,
});

export async function stakeholderRow(ctx: RequestContext, opportunityId: string, id: string, lock = false) {
  const query = executor(ctx)
    .select()
    .from(opportunityStakeholders)
    .where(and(
      eq(opportunityStakeholders.tenantId, ctx.tenantId),
      eq(opportunityStakeholders.opportunityId, opportunityId),
      eq(opportunityStakeholders.id, id),
    ));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function insertStakeholder(ctx: RequestContext, values: Omit<typeof opportunityStakeholders.$inferInsert, 'tenantId'>) {
  const [row] = await executor(ctx).insert(opportunityStakeholders).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row;
}

export async function updateStakeholderRow(ctx: RequestContext, id: string, values: Partial<typeof opportunityStakeholders.$inferInsert>) {
  const [row] = await executor(ctx)
    .update(opportunityStakeholders)
    .set({ ...values, version: sql`${opportunityStakeholders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(opportunityStakeholders.tenantId, ctx.tenantId), eq(opportunityStakeholders.id, id)))
    .returning();
  return row;
}

/** Removes a stakeholder; those who reported to them now report to nobody. */
export async function deleteStakeholderRow(ctx: RequestContext, id: string) {
  await executor(ctx)
    .update(opportunityStakeholders)
    .set({ reportsToId: null })
    .where(and(eq(opportunityStakeholders.tenantId, ctx.tenantId), eq(opportunityStakeholders.reportsToId, id)));
  await executor(ctx)
    .delete(opportunityStakeholders)
    .where(and(eq(opportunityStakeholders.tenantId, ctx.tenantId), eq(opportunityStakeholders.id, id)));
}

export async function insertAttitudeChange(
  ctx: RequestContext,
  change: { stakeholderId: string; opportunityId: string; fromAttitude: string | null; toAttitude: string; note: string | null },
) {
  await executor(ctx).insert(stakeholderAttitudeHistory).values({ ...change, tenantId: ctx.tenantId, id: uuidv7(), actorId: ctx.actor.userId });
}

export function attitudeHistoryOf(ctx: RequestContext, stakeholderId: string): Promise<AttitudeRow[]> {
  return executor(ctx)
    .select()
    .from(stakeholderAttitudeHistory)
    .where(and(eq(stakeholderAttitudeHistory.tenantId, ctx.tenantId), eq(stakeholderAttitudeHistory.stakeholderId, stakeholderId)))
    .orderBy(asc(stakeholderAttitudeHistory.at), asc(stakeholderAttitudeHistory.id));
}

export function actionsOf(ctx: RequestContext, opportunityId: string): Promise<ActionRow[]> {
  return executor(ctx)
    .select()
    .from(stakeholderActions)
    .where(and(eq(stakeholderActions.tenantId, ctx.tenantId), eq(stakeholderActions.opportunityId, opportunityId)))
    .orderBy(sql`${stakeholderActions.dueAt} ASC NULLS LAST`, asc(stakeholderActions.id));
}

export async function actionRow(ctx: RequestContext, stakeholderId: string, id: string) {
  const [row] = await executor(ctx)
    .select()
    .from(stakeholderActions)
    .where(and(eq(stakeholderActions.tenantId, ctx.tenantId), eq(stakeholderActions.stakeholderId, stakeholderId), eq(stakeholderActions.id, id)))
    .for('update');
  return row;
}

export async function insertAction(ctx: RequestContext, values: Omit<typeof stakeholderActions.$inferInsert, 'tenantId'>) {
  const [row] = await executor(ctx).insert(stakeholderActions).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row;
}

export async function updateActionRow(ctx: RequestContext, id: string, values: Partial<typeof stakeholderActions.$inferInsert>) {
  const [row] = await executor(ctx)
    .update(stakeholderActions)
    .set({ ...values, version: sql`${stakeholderActions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(stakeholderActions.tenantId, ctx.tenantId), eq(stakeholderActions.id, id)))
    .returning();
  return row;
}

export async function deleteActionRow(ctx: RequestContext, id: string) {
  await executor(ctx).delete(stakeholderActions).where(and(eq(stakeholderActions.tenantId, ctx.tenantId), eq(stakeholderActions.id, id)));
}

export function documentsOf(ctx: RequestContext, opportunityId: string): Promise<DocumentRow[]> {
  return executor(ctx)
    .select()
    .from(opportunityDocuments)
    .where(and(eq(opportunityDocuments.tenantId, ctx.tenantId), eq(opportunityDocuments.opportunityId, opportunityId)))
    .orderBy(asc(opportunityDocuments.createdAt), asc(opportunityDocuments.id));
}

export async function insertDocument(ctx: RequestContext, values: Omit<typeof opportunityDocuments.$inferInsert, 'tenantId'>) {
  const [row] = await executor(ctx).insert(opportunityDocuments).values({ ...values, tenantId: ctx.tenantId }).returning();
  return row;
}

export async function documentRow(ctx: RequestContext, opportunityId: string, id: string) {
  const [row] = await executor(ctx)
    .select()
    .from(opportunityDocuments)
    .where(and(eq(opportunityDocuments.tenantId, ctx.tenantId), eq(opportunityDocuments.opportunityId, opportunityId), eq(opportunityDocuments.id, id)));
  return row;
}

export async function deleteDocumentRow(ctx: RequestContext, id: string) {
  await executor(ctx).delete(opportunityDocuments).where(and(eq(opportunityDocuments.tenantId, ctx.tenantId), eq(opportunityDocuments.id, id)));
}
