import { inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError } from '../../platform/http/errors.js';
import { diffRecords } from '../../platform/records/diff.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { BANT_PARTS, type BantPart } from './bant.js';
import { lossReasonStore } from './loss-reasons.service.js';
import { claimSetup, recomputeQualified, settingsRow, writeSettings, type SettingsRow } from './opportunities.repository.js';
import { DEFAULT_LOSS_REASONS } from './process-templates.js';
import { createProcessFromTemplate } from './sales-processes.service.js';

export const BANT_MODES = ['strict', 'lenient'] as const;
export type BantMode = (typeof BANT_MODES)[number];

export interface DealSettings {
  /** strict: a deal cannot be created without the required BANT parts; lenient: it is created and flagged unqualified. */
  bantMode: BantMode;
  /** The BANT parts a deal needs to count as qualified. */
  bantRequired: BantPart[];
  version: number;
  updatedAt: string | null;
}

const DEFAULTS: DealSettings = { bantMode: 'lenient', bantRequired: [...BANT_PARTS], version: 0, updatedAt: null };

const toSettings = (row: SettingsRow | undefined): DealSettings =>
  row
    ? {
        bantMode: row.bantMode as BantMode,
        bantRequired: BANT_PARTS.filter((p) => row.bantRequired.includes(p)),
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      }
    : DEFAULTS;

/**
 * Gives a tenant its deal-process defaults on first use (no change to sign-up needed): the
 * simple and the solution sales processes, and the loss-reason picklist, created by "system"
 * in the tenant's language. The settings row marks it done, so what an admin later deletes
 * stays deleted; concurrent first uses create the defaults once.
 */
export async function ensureDealSetup(ctx: RequestContext): Promise<void> {
  if (await settingsRow(ctx)) return;
  await inTransaction(ctx, async (ctx) => {
    if (!(await claimSetup(ctx))) return;
    const { locale } = await getTenantSettings(ctx);
    const system: RequestContext = { ...systemContext(ctx.db, ctx.tenantId), tx: ctx.tx, locale };
    await createProcessFromTemplate(system, 'simple', { isDefault: true });
    await createProcessFromTemplate(system, 'solution');
    for (const [i, reason] of DEFAULT_LOSS_REASONS.entries()) {
      await lossReasonStore.create(system, { key: reason.key, labels: reason.labels, sortOrder: (i + 1) * 10 });
    }
  });
}

/** The settings, for the deal workflows (no permission check: every deal write reads them). */
export async function readDealSettings(ctx: RequestContext): Promise<DealSettings> {
  return toSettings(await settingsRow(ctx));
}

export async function getDealSettings(ctx: RequestContext): Promise<DealSettings> {
  requireLevel(ctx, 'sales_processes', 'read');
  await ensureDealSetup(ctx);
  return readDealSettings(ctx);
}

/**
 * Changes how strict qualification is (audited). A change of the required parts re-flags every
 * deal of the tenant; strictness applies to the deals created (or re-qualified) from now on.
 */
export function updateDealSettings(
  ctx: RequestContext,
  input: { bantMode: BantMode; bantRequired: BantPart[] },
  version?: number,
): Promise<DealSettings> {
  requireLevel(ctx, 'sales_processes', 'update');
  return inTransaction(ctx, async (ctx) => {
    await ensureDealSetup(ctx);
    const before = toSettings(await settingsRow(ctx, true));
    if (version !== undefined && version !== before.version) {
      throw new AppError(409, 'VERSION_CONFLICT', { current: before.version }, { currentVersion: before.version });
    }
    const next = { bantMode: input.bantMode, bantRequired: BANT_PARTS.filter((p) => input.bantRequired.includes(p)) };
    const changes = diffRecords({ bantMode: before.bantMode, bantRequired: before.bantRequired }, next);
    if (Object.keys(changes).length === 0) return before;
    await writeSettings(ctx, next);
    if (changes.bantRequired) await recomputeQualified(ctx, next.bantRequired);
    await appendAudit(ctx, { action: 'update', object: 'opportunity_settings', recordId: ctx.tenantId, changes });
    await publishEvent(ctx, { type: 'opportunity_settings.updated', object: 'opportunity_settings', recordId: ctx.tenantId, payload: { changes } });
    return readDealSettings(ctx);
  });
}
