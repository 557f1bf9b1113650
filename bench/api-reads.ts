import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/src/app.js';
import { createApiKey } from '../server/src/platform/auth/api-keys.service.js';
import { loadUserContext } from '../server/src/platform/auth/context-loader.js';
import { queryRows, type AppDb } from '../server/src/platform/db/client.js';
import type { ScaleTenant } from './scale-data.js';
import { Random } from './random.js';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface ApiReadsResult {
  getById: { ours: LoadResult; bare: LoadResult; throughputRatio: number | null };
  listPage: { ours: LoadResult; bare: LoadResult; throughputRatio: number | null };
  maxRssMb: number;
}

/**
 * Our API (auth, visibility, record store, serialisation) against a bare route in the same
 * process that runs the equivalent SQL, under the same concurrent load.
 */
export async function benchApiReads(db: AppDb, tenant: ScaleTenant, opts: { connections: number; durationSec: number }): Promise<ApiReadsResult> {
  const app = await buildApp({ db, logLevel: 'error', rateLimit: false });
  app.get('/bench/bare/accounts/:id', async (request) => {
    const { id } = request.params as { id: string };
    const [row] = await queryRows(db, sql`SELECT * FROM accounts WHERE tenant_id = ${tenant.tenantId} AND id = ${id}`);
    return row;
  });
  app.get('/bench/bare/accounts', async () => ({
    data: await queryRows(
      db,
      sql`SELECT * FROM accounts WHERE tenant_id = ${tenant.tenantId} AND industry = '制造业' ORDER BY name, id LIMIT 50`,
    ),
  }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const loaded = await loadUserContext(db, tenant.tenantId, tenant.adminId, {});
  const { key } = await createApiKey(loaded!.ctx, 'bench');
  const headers = { authorization: `Bearer ${key}` };

  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 100);
  const random = new Random(7);
  const randomId = () => random.pick(tenant.accountIds);
  const run = async (path: string | (() => string)): Promise<LoadResult> => {
    const result = await autocannon({
      url: base,
      connections: opts.connections,
      duration: opts.durationSec,
      headers,
      requests: [{ setupRequest: (req) => ({ ...req, path: typeof path === 'string' ? path : path() }) }],
    });
    return {
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  };
  try {
    const getOurs = await run(() => `/api/v1/accounts/${randomId()}`);
    const getBare = await run(() => `/bench/bare/accounts/${randomId()}`);
    const listOurs = await run(`/api/v1/accounts?filter[industry]=${encodeURIComponent('制造业')}&sort=name&limit=50`);
    const listBare = await run('/bench/bare/accounts');
    const ratio = (a: LoadResult, b: LoadResult) =>
      b.requestsPerSecond > 0 ? Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100 : null;
    return {
      getById: { ours: getOurs, bare: getBare, throughputRatio: ratio(getOurs, getBare) },
      listPage: { ours: listOurs, bare: listBare, throughputRatio: ratio(listOurs, listBare) },
      maxRssMb: Math.round(maxRss / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
    await app.close();
  }
}
