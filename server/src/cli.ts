import path from 'node:path';
import { loadConfig } from './config.js';
import { verifyAuditChain } from './platform/audit/audit.service.js';
import { backupDatabase, restoreDatabase, RestoreError } from './platform/db/backup.js';
import { openDatabase, type Database } from './platform/db/client.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { tenants } from './platform/tenancy/tenancy.schema.js';

const USAGE = `Usage: npm run <command> [-- args]
  migrate                     apply database migrations (DATABASE_URL, or the embedded database)
  backup [file]               write a dump (default: lead2cash-<date>.l2c.gz)
  restore <file> [--replace]  load a dump into an empty database (--replace wipes it first)
  audit:verify                verify every tenant's audit hash chain (exit 1 if one is broken)
  demo:history --path <dir> [--tenant <name>] [--shift-to-today]
                              load the CRM Sales Opportunities data set as a tenant's history`;

/** Admin commands on the same database `npm start` uses (stop the server first for PGlite). */
async function run(command: string | undefined, args: string[]): Promise<number> {
  const config = loadConfig();
  const withDatabase = async (fn: (database: Database) => Promise<number>) => {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await database.migrate();
      return await fn(database);
    } finally {
      await database.close();
    }
  };

  switch (command) {
    case 'migrate':
      return withDatabase(async () => {
        console.log('Migrations applied.');
        return 0;
      });
    case 'backup': {
      const file = path.resolve(args[0] ?? `lead2cash-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.l2c.gz`);
      return withDatabase(async ({ db }) => {
        const report = await backupDatabase(db, file);
        console.log(`Backup written to ${file}: ${report.rows} rows from ${report.tables} tables.`);
        return 0;
      });
    }
    case 'restore': {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) break;
      return withDatabase(async ({ db }) => {
        const report = await restoreDatabase(db, path.resolve(file), { replace: args.includes('--replace') });
        console.log(`Restored ${report.rows} rows into ${report.tables} tables from ${file}.`);
        return 0;
      });
    }
    case 'demo-history': {
      const at = args.indexOf('--path');
      const dir = at >= 0 ? args[at + 1] : path.join(process.env.L2C_DATASETS ?? '../shared/datasets', 'crm_sales_opportunities');
      const tenantAt = args.indexOf('--tenant');
      return withDatabase(async ({ db }) => {
        const { loadDemoHistory } = await import('./modules/analytics/demo-history.js');
        const report = await loadDemoHistory(db, {
          dir: path.resolve(dir), tenantName: tenantAt >= 0 ? args[tenantAt + 1] : undefined, shiftToToday: args.includes('--shift-to-today'),
        });
        console.log(`History loaded into ${report.tenant} (dates shifted by ${report.shiftDays} days):`);
        for (const r of report.results) {
          console.log(`  ${r.kind}: ${r.rows} rows, created ${JSON.stringify(r.created)}, skipped ${r.skipped}, rejected ${r.rejects.length}`);
          for (const reject of r.rejects.slice(0, 5)) console.log(`    row ${reject.rowNumber}: ${reject.errors.map((e) => e.message).join('; ')}`);
        }
        return 0;
      });
    }
    case 'audit-verify':
      return withDatabase(async ({ db }) => {
        let broken = 0;
        for (const tenant of await db.select({ id: tenants.id, name: tenants.name }).from(tenants)) {
          const report = await verifyAuditChain(db, tenant.id);
          if (!report.ok) broken++;
          console.log(
            report.ok
              ? `ok      ${tenant.name} (${report.checked} entries)`
              : `BROKEN  ${tenant.name}: entry ${report.firstBrokenSeq} (${report.reason}) after ${report.checked} good entries`,
          );
        }
        return broken > 0 ? 1 : 0;
      });
  }
  console.error(USAGE);
  return 2;
}

run(process.argv[2], process.argv.slice(3)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known = err instanceof DataDirLockedError || err instanceof RestoreError;
    console.error(known ? (err as Error).message : err);
    process.exit(known ? 2 : 1);
  },
);
