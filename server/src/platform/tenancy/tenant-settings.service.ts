import { eq } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../access/context.js';
import { requireLevel } from '../access/visibility.js';
import { appendAudit } from '../audit/audit.service.js';
import { fieldError } from '../http/errors.js';
import { diffRecords } from '../records/diff.js';
import { isLocale, type Locale } from '../i18n/locale.js';
import { tenants } from './tenancy.schema.js';

export interface TenantSettings {
  id: string;
  name: string;
  timezone: string;
  currency: string;
  locale: Locale;
  fiscalYearStartMonth: number;
}

export async function getTenantSettings(ctx: RequestContext): Promise<TenantSettings> {
  const [row] = await executor(ctx).select().from(tenants).where(eq(tenants.id, ctx.tenantId));
  const { createdAt: _createdAt, locale, ...settings } = row;
  return { ...settings, locale: isLocale(locale) ? locale : 'zh-CN' };
}

/** Tenant-wide settings are an admin's (the `roles` right), and every change is audited. */
export function updateTenantSettings(ctx: RequestContext, patch: Partial<Omit<TenantSettings, 'id'>>): Promise<TenantSettings> {
  requireLevel(ctx, 'roles', 'update');
  if (patch.timezone && !isTimeZone(patch.timezone)) throw fieldError('timezone', 'FIELD_INVALID');
  return inTransaction(ctx, async (ctx) => {
    const before = await getTenantSettings(ctx);
    await executor(ctx).update(tenants).set(patch).where(eq(tenants.id, ctx.tenantId));
    const after = await getTenantSettings(ctx);
    const changes = diffRecords(before as never, after as never);
    if (Object.keys(changes).length > 0) {
      await appendAudit(ctx, { action: 'update', object: 'tenants', recordId: ctx.tenantId, changes });
    }
    return after;
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
