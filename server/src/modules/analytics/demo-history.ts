import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { loadUserContext } from '../../platform/auth/context-loader.js';
import type { AppDb } from '../../platform/db/client.js';
import { roles, tenants, users } from '../../platform/tenancy/tenancy.schema.js';
import { importHistory, readDay, type HistoryImportResult } from './history-import.service.js';
import { todayIn } from './fiscal-periods.js';

/**
 * Loads the public "CRM Sales Opportunities" data set (MavenTech, see its SOURCE.md) into a
 * tenant as its history, acting as the tenant's first admin: sales teams, products, accounts,
 * then the pipeline. `shiftToToday` moves every date so the latest one is today.
 */
export async function loadDemoHistory(db: AppDb, opts: { dir: string; tenantName?: string; shiftToToday?: boolean }) {
  const [tenant] = opts.tenantName
    ? await db.select().from(tenants).where(eq(tenants.name, opts.tenantName))
    : await db.select().from(tenants).orderBy(asc(tenants.createdAt)).limit(1);
  if (!tenant) throw new Error(`No tenant ${opts.tenantName ?? ''}`.trim());
  const [admin] = await db.select({ id: users.id }).from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.id, users.roleId)))
    .where(and(eq(users.tenantId, tenant.id), eq(roles.key, 'admin'))).orderBy(asc(users.createdAt)).limit(1);
  const loaded = await loadUserContext(db, tenant.id, admin.id, { userAgent: 'lead2cash-demo-history' });
  if (!loaded) throw new Error('The tenant has no active admin');
  const ctx = { ...loaded.ctx, locale: 'en-US' as const };
  const file = (name: string) => readFile(path.join(opts.dir, name));
  const pipeline = await file('sales_pipeline.csv');
  let shiftDays = 0;
  if (opts.shiftToToday) {
    const latest = pipeline.toString('utf8').split('\n').flatMap((line) => line.split(',').slice(5, 7)).map(readDay).filter((d): d is string => !!d).sort().pop();
    if (latest) shiftDays = Math.round((Date.parse(todayIn(tenant.timezone)) - Date.parse(latest)) / 86_400_000);
  }
  const results: HistoryImportResult[] = [];
  results.push(await importHistory(ctx, { kind: 'sales-teams', fileName: 'sales_teams.csv', bytes: await file('sales_teams.csv') }));
  results.push(await importHistory(ctx, { kind: 'products', fileName: 'products.csv', bytes: await file('products.csv'), options: { currency: 'USD' } }));
  results.push(await importHistory(ctx, { kind: 'accounts', fileName: 'accounts.csv', bytes: await file('accounts.csv') }));
  results.push(await importHistory(ctx, {
    kind: 'opportunities', fileName: 'sales_pipeline.csv', bytes: pipeline,
    options: {
      currency: 'USD', shiftDays, missingAccountName: 'Unassigned prospects (MavenTech)',
      stageMapping: { Prospecting: 'contact', Engaging: 'product_understanding' },
    },
  }));
  return { tenant: tenant.name, shiftDays, results };
}
