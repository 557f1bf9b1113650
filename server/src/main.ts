import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { ensureDemoTenant } from './demo/seed-demo.js';
import { openDatabase } from './platform/db/client.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { startBackgroundWork } from './platform/background.js';
import type { JobWorker } from './platform/jobs/job-worker.js';

/** Starts API, web app and background work on one port; stops cleanly on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const startedAt = performance.now();
  const phases: string[] = [];
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const from = performance.now();
    const result = await work();
    phases.push(`${phase} ${Math.round(performance.now() - from)}`);
    return result;
  };
  const database = await timed('database', () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  await timed('migrations', () => database.migrate());
  const demo = config.seedDemo ? await timed('demo', () => ensureDemoTenant(database.db)) : null;

  const app = await timed('app', () => buildApp({
    db: database.db,
    logLevel: config.logLevel,
    secureCookies: config.secureCookies,
    webDist: config.webDist,
  }));
  if (config.benchRoutes) {
    const { registerBenchRoutes } = await import('./platform/http/bench-routes.js');
    registerBenchRoutes(app, database.db);
    console.warn('L2C_BENCH_ROUTES=1: unauthenticated bare-SQL bench routes are on (/bench/bare/…). Never in production.');
  }
  // Handlers go in before anything is announced, so a stop right after start is still clean.
  let background: JobWorker | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down…`);
    await app.close();
    await background?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Listening comes first: the routes' onReady hooks query the database, and on the embedded
  // database (one connection) they would wait behind the backlog the workers start on (a
  // first start's demo events).
  await timed('listen', () => app.listen({ port: config.port, host: config.host }));
  if (config.runWorkers) background = await timed('workers', () => startBackgroundWork(database.db, app.log));

  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
  const lines = [
    '',
    `Lead2Cash is running on http://localhost:${config.port}  (API docs: /api/docs) — ${where}`,
    `ready in ${Math.round(performance.now() - startedAt)} ms (${phases.join(', ')} ms; loading ${Math.round(startedAt)} ms)`,
  ];
  if (demo) {
    lines.push(demo.created ? 'Demo tenant created. Sign in with:' : 'Demo tenant sign-ins:');
    for (const login of demo.logins) lines.push(`  ${login.role.padEnd(14)} ${login.email.padEnd(34)} ${login.password}`);
  }
  console.log(lines.join('\n'));

}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
