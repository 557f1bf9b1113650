import { eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, ValidationError } from '../../platform/http/errors.js';
import { diffRecords } from '../../platform/records/diff.js';
import type { GradeThresholds } from './rules/rule-types.js';
import './scoring.messages.js';
import { scoringSettings } from './scoring.schema.js';

export interface ScoringSettingsInput extends GradeThresholds {
  /** A lead at or above this total is marketing-qualified. */
  mqlThreshold: number;
  /** How far back engagement is read. */
  engagementWindowDays: number;
}

export interface ScoringSettings extends ScoringSettingsInput {
  /** 0 until the settings are first saved. */
  version: number;
  updatedAt: string | null;
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettingsInput = {
  gradeA: 80,
  gradeB: 60,
  gradeC: 40,
  mqlThreshold: 60,
  engagementWindowDays: 180,
};

/** The tenant's scoring settings, the defaults until saved. No permission check: scoring reads it. */
export async function readScoringSettings(ctx: RequestContext): Promise<ScoringSettings> {
  const [row] = await executor(ctx).select().from(scoringSettings).where(eq(scoringSettings.tenantId, ctx.tenantId));
  if (!row) return { ...DEFAULT_SCORING_SETTINGS, version: 0, updatedAt: null };
  const { tenantId: _t, updatedAt, ...settings } = row;
  return { ...settings, updatedAt: updatedAt.toISOString() };
}

export function getScoringSettings(ctx: RequestContext): Promise<ScoringSettings> {
  requireLevel(ctx, 'scoring_rules', 'read');
  return readScoringSettings(ctx);
}

/** Grades go down from A to C. */
export function assertValidSettings(s: ScoringSettingsInput, prefix = ''): void {
  if (!(s.gradeA > s.gradeB && s.gradeB > s.gradeC)) {
    throw new ValidationError([{ field: `${prefix}gradeB`, code: 'SCORING_THRESHOLDS_ORDER' }]);
  }
}

/**
 * Replaces the settings (audited). With `version`, a stale copy is refused (409). A change
 * publishes `scoring_settings.updated`, which rescores the tenant's leads.
 */
export function updateScoringSettings(ctx: RequestContext, input: ScoringSettingsInput, version?: number): Promise<ScoringSettings> {
  requireLevel(ctx, 'scoring_rules', 'update');
  assertValidSettings(input);
  return inTransaction(ctx, async (ctx) => {
    await executor(ctx).execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`scoring_settings:${ctx.tenantId}`}))`);
    const before = await readScoringSettings(ctx);
    if (version !== undefined && version !== before.version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: before.version }, { currentVersion: before.version });
    }
    const values = {
      gradeA: input.gradeA,
      gradeB: input.gradeB,
      gradeC: input.gradeC,
      mqlThreshold: input.mqlThreshold,
      engagementWindowDays: input.engagementWindowDays,
    };
    const changes = diffRecords(pick(before), values satisfies Record<keyof ScoringSettingsInput, number>);
    if (Object.keys(changes).length === 0) return before;
    await executor(ctx)
      .insert(scoringSettings)
      .values({ tenantId: ctx.tenantId, ...values })
      .onConflictDoUpdate({
        target: scoringSettings.tenantId,
        set: { ...values, version: sql`${scoringSettings.version} + 1`, updatedAt: new Date() },
      });
    await appendAudit(ctx, { action: before.version === 0 ? 'create' : 'update', object: 'scoring_settings', recordId: ctx.tenantId, changes });
    await publishEvent(ctx, { type: 'scoring_settings.updated', object: 'scoring_settings', recordId: ctx.tenantId, payload: { changes } });
    return readScoringSettings(ctx);
  });
}

const pick = (s: ScoringSettingsInput): Record<keyof ScoringSettingsInput, number> => ({
  gradeA: s.gradeA,
  gradeB: s.gradeB,
  gradeC: s.gradeC,
  mqlThreshold: s.mqlThreshold,
  engagementWindowDays: s.engagementWindowDays,
});
