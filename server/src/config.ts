import path from 'node:path';

/** Settings come from the environment only; defaults make `npm start` work on a fresh machine. */
export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded database (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Run the job worker and event dispatcher in this process. */
  runWorkers: boolean;
  /** Create the demo tenant on first start. */
  seedDemo: boolean;
  secureCookies: boolean;
  logLevel: string;
  /** The bare-SQL baseline routes of `npm run bench` (bench only: they skip auth). */
  benchRoutes: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.L2C_DATA_DIR ?? path.join(root, '.data')),
    webDist: path.join(root, 'web/dist'),
    runWorkers: env.L2C_WORKERS !== 'off',
    seedDemo: env.L2C_DEMO !== 'off',
    secureCookies: env.L2C_SECURE_COOKIES === 'on',
    logLevel: env.LOG_LEVEL ?? 'warn',
    benchRoutes: env.L2C_BENCH_ROUTES === '1',
  };
}
