import { eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/http/errors.js';
import { diffRecords } from '../../platform/records/diff.js';
import { assignmentSettings } from './assignment.schema.js';

export interface AssignmentSettings {
  /** Hours a rep has to accept or reject an assigned lead; 0 turns reminders and escalation off. */
  firstResponseSlaHours: number;
  /** The reminder to the rep goes out at this share of the SLA (e.g. 75). */
  reminderPercent: number;
  /** At the deadline, the manager of the rep's team gets a task. */
  escalateToManager: boolean;
  /** What this company calls a marketing-qualified lead (the score bar is kept by lead scoring). */
  mqlDefinition: string | null;
  /** What this company calls a sales-qualified lead. */
  sqlDefinition: string | null;
  version: number;
  updatedAt: string | null;
}

const DEFAULTS = { firstResponseSlaMinutes: 240, reminderPercent: 75, escalateToManager: true, mqlDefinition: null, sqlDefinition: null };

/** The tenant's settings; the defaults until someone saves them. */
export async function readAssignmentSettings(ctx: RequestContext): Promise<AssignmentSettings> {
  const [row] = await executor(ctx).select().from(assignmentSettings).where(eq(assignmentSettings.tenantId, ctx.tenantId));
  const r = row ?? { ...DEFAULTS, version: 1, updatedAt: null };
  return {
    firstResponseSlaHours: r.firstResponseSlaMinutes / 60,
    reminderPercent: r.reminderPercent,
    escalateToManager: r.escalateToManager,
    mqlDefinition: r.mqlDefinition,
    sqlDefinition: r.sqlDefinition,
    version: r.version,
    updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null,
  };
}

export async function getAssignmentSettings(ctx: RequestContext): Promise<AssignmentSettings> {
  requireLevel(ctx, 'assignment_rules', 'read');
  return readAssignmentSettings(ctx);
}

export type SettingsPatch = Partial<Omit<AssignmentSettings, 'version' | 'updatedAt'>>;

/** Saves the settings (optimistic concurrency on `version`); audited. */
export function updateAssignmentSettings(ctx: RequestContext, patch: SettingsPatch, version: number | undefined): Promise<AssignmentSettings> {
  requireLevel(ctx, 'assignment_rules', 'update');
  return inTransaction(ctx, async (ctx) => {
    await executor(ctx)
      .insert(assignmentSettings)
      .values({ tenantId: ctx.tenantId, ...DEFAULTS, version: 1 })
      .onConflictDoNothing();
    const [locked] = await executor(ctx)
      .select({ version: assignmentSettings.version })
      .from(assignmentSettings)
      .where(eq(assignmentSettings.tenantId, ctx.tenantId))
      .for('update');
    if (version !== undefined && version !== locked.version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: locked.version }, { currentVersion: locked.version });
    }
    const before = await readAssignmentSettings(ctx);
    const set: Partial<typeof assignmentSettings.$inferInsert> = {};
    if (patch.firstResponseSlaHours !== undefined) set.firstResponseSlaMinutes = Math.round(patch.firstResponseSlaHours * 60);
    if (patch.reminderPercent !== undefined) set.reminderPercent = patch.reminderPercent;
    if (patch.escalateToManager !== undefined) set.escalateToManager = patch.escalateToManager;
    if (patch.mqlDefinition !== undefined) set.mqlDefinition = patch.mqlDefinition?.trim() || null;
    if (patch.sqlDefinition !== undefined) set.sqlDefinition = patch.sqlDefinition?.trim() || null;
    await executor(ctx)
      .update(assignmentSettings)
      .set({ ...set, version: sql`${assignmentSettings.version} + 1`, updatedAt: new Date() })
      .where(eq(assignmentSettings.tenantId, ctx.tenantId));
    const after = await readAssignmentSettings(ctx);
    const { version: _v1, updatedAt: _u1, ...b } = before;
    const { version: _v2, updatedAt: _u2, ...a } = after;
    const changes = diffRecords(b, a);
    if (Object.keys(changes).length > 0) {
      await appendAudit(ctx, { action: 'update', object: 'assignment_settings', recordId: ctx.tenantId, changes });
    }
    return after;
  });
}
