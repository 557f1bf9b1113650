import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApiKey } from '../server/src/platform/auth/api-keys.service.js';
import { loadUserContext } from '../server/src/platform/auth/context-loader.js';
import type { AppDb } from '../server/src/platform/db/client.js';
import { startServer } from '../server/test/server-process.js';
import type { ScaleTenant } from './scale-data.js';
import { Random } from './random.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The server process's CPU per answered request, user and system (Linux only): what a request costs beside the wait. */
  serverCpuMs?: { user: number; system: number };
}

export interface ApiReadsResult {
  getById: { ours: LoadResult; bare: LoadResult; throughputRatio: number | null };
  listPage: { ours: LoadResult; bare: LoadResult; throughputRatio: number | null };
  /** Peak RSS of the server process while the load ran. */
  maxRssMb: number;
  /** RSS of the server process once started, before any load. */
  idleRssMb: number;
}

/** Where the server process finds the bench data: the PostgreSQL database, or the PGlite folder (closed by the caller). */
export type BenchTarget = { databaseUrl: string } | { dataDir: string };

/** An API key of the tenant's admin, made while the bench still has the database open. */
export async function benchApiKey(db: AppDb, tenant: ScaleTenant): Promise<string> {
  const loaded = await loadUserContext(db, tenant.tenantId, tenant.adminId, {});
  return (await createApiKey(loaded!.ctx, 'bench')).key;
}

const INDUSTRY = '制造业';
const WARM_UP_SEC = 5;

/**
 * Our API (auth, visibility, record store, serialisation) against bare routes running the
 * equivalent SQL, both in one separate server process started like `npm start` (with
 * `L2C_BENCH_ROUTES=1`), under the same concurrent load; the server's RSS is sampled meanwhile.
 */
export async function benchApiReads(
  target: BenchTarget,
  tenant: ScaleTenant,
  apiKey: string,
  opts: {
    connections: number;
    durationSec: number;
    /** A fixed number of requests per run instead of a duration (smoke runs: on a loaded machine a 1 s window can close before the first slow answer, reading 0 req/s). */
    requests?: number;
  },
): Promise<ApiReadsResult> {
  const env = { L2C_BENCH_ROUTES: '1', L2C_DEMO: 'off', ...('databaseUrl' in target ? { DATABASE_URL: target.databaseUrl } : {}) };
  // L2C_BENCH_CPU_PROF=<folder>: the server writes a CPU profile of the whole run there when it stops.
  const profileDir = process.env.L2C_BENCH_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const server = await startServer(env, 'dataDir' in target ? target.dataDir : undefined, nodeArgs);
  const pid = server.process.pid!;
  const headers = { authorization: `Bearer ${apiKey}` };
  const random = new Random(7);
  const randomId = () => random.pick(tenant.accountIds);
  const tenantQuery = `tenant=${tenant.tenantId}`;
  const paths = {
    getOurs: () => `/api/v1/accounts/${randomId()}`,
    getBare: () => `/bench/bare/accounts/${randomId()}?${tenantQuery}`,
    listOurs: () => `/api/v1/accounts?filter[industry]=${encodeURIComponent(INDUSTRY)}&sort=name&limit=50`,
    listBare: () => `/bench/bare/accounts?${tenantQuery}&industry=${encodeURIComponent(INDUSTRY)}`,
  };

  // Every route must answer before it is measured: a route that is unreachable or refuses the
  // caller would otherwise show up as 0 req/s instead of an error.
  for (const path of Object.values(paths)) {
    const response = await fetch(`${server.url}${path()}`, { headers });
    if (response.status !== 200) throw new Error(`GET ${path()} answered ${response.status}: ${await response.text()}`);
  }
  const idleRssMb = rssMb(pid);
  let maxRssMb = idleRssMb;
  const sampler = setInterval(() => {
    if (server.process.exitCode === null) maxRssMb = Math.max(maxRssMb, rssMb(pid));
  }, 100);

  const load = (path: () => string, extra: Partial<autocannon.Options>) =>
    autocannon({
      url: server.url,
      connections: opts.connections,
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: path() }) }],
      ...extra,
    });
  const run = async (path: () => string): Promise<LoadResult> => {
    // A warm-up, then the measured run, then wait until the server has answered what is still
    // queued (PGlite has one connection) so the next run does not start behind this one's backlog.
    // The warm-up lasts seconds, not a few requests: a server runs warm for days, and in its first
    // seconds on a route it spends about twice the steady CPU per list page (compilers and GC on
    // background threads), which a short warm-up left inside the measured run.
    await load(path, opts.requests ? { amount: opts.connections * 4 } : { duration: Math.min(WARM_UP_SEC, opts.durationSec) });
    const cpuBefore = cpuMs(pid);
    const result = await load(path, opts.requests ? { amount: opts.requests } : { duration: opts.durationSec });
    await fetch(`${server.url}${paths.getBare()}`);
    const cpuAfter = cpuMs(pid);
    const perRequest = (ms: number) => Math.round((ms / Math.max(1, result['2xx'] + 1)) * 100) / 100;
    return {
      requestsPerSecond: result.duration > 0 ? Math.round(result['2xx'] / result.duration) : 0,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      ...(cpuBefore && cpuAfter
        ? { serverCpuMs: { user: perRequest(cpuAfter.user - cpuBefore.user), system: perRequest(cpuAfter.system - cpuBefore.system) } }
        : {}),
    };
  };
  try {
    const getOurs = await run(paths.getOurs);
    const getBare = await run(paths.getBare);
    const listOurs = await run(paths.listOurs);
    const listBare = await run(paths.listBare);
    const ratio = (a: LoadResult, b: LoadResult) =>
      b.requestsPerSecond > 0 ? Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100 : null;
    return {
      getById: { ours: getOurs, bare: getBare, throughputRatio: ratio(getOurs, getBare) },
      listPage: { ours: listOurs, bare: listBare, throughputRatio: ratio(listOurs, listBare) },
      maxRssMb: Math.round(maxRssMb),
      idleRssMb: Math.round(idleRssMb),
    };
  } finally {
    clearInterval(sampler);
    const code = await server.stop();
    if (code !== 0) console.warn(`bench server exited with ${code}:\n${server.output()}`);
  }
}

/** A process's CPU time so far in ms, user and system, from /proc (undefined elsewhere). */
function cpuMs(pid: number): { user: number; system: number } | undefined {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const msPerTick = 1000 / clockTicksPerSecond();
    return { user: Number(fields[11]) * msPerTick, system: Number(fields[12]) * msPerTick };
  } catch {
    return undefined;
  }
}

let ticks: number | undefined;
const clockTicksPerSecond = () => (ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()));

/** Resident memory of a process in MB: /proc on Linux, `ps` elsewhere. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: ask ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}
