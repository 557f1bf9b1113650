import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { queryRows, type AppDb } from '../db/client.js';
import type { App } from './types.js';

/**
 * The baseline of `npm run bench`'s API reads: bare routes that run the SQL equivalent to
 * `GET /api/v1/accounts/{id}` and a filtered, sorted list page, without auth, visibility, the
 * record store or response schemas. They live in the real server process so both sides share its
 * event loop, pool and memory. Only `L2C_BENCH_ROUTES=1` (set by the bench alone) registers them:
 * they read any tenant's accounts unauthenticated and must never exist in production.
 */
export function registerBenchRoutes(app: App, db: AppDb): void {
  const bare = { config: { public: true }, schema: { hide: true } };
  app.get(
    '/bench/bare/accounts/:id',
    { ...bare, schema: { ...bare.schema, params: Type.Object({ id: Type.String() }), querystring: Type.Object({ tenant: Type.String() }) } },
    async (request) => {
      const [row] = await queryRows(db, sql`SELECT * FROM accounts WHERE tenant_id = ${request.query.tenant} AND id = ${request.params.id}`);
      return row;
    },
  );
  app.get(
    '/bench/bare/accounts',
    { ...bare, schema: { ...bare.schema, querystring: Type.Object({ tenant: Type.String(), industry: Type.String() }) } },
    async (request) => ({
      data: await queryRows(
        db,
        sql`SELECT * FROM accounts WHERE tenant_id = ${request.query.tenant} AND industry = ${request.query.industry} ORDER BY name, id LIMIT 50`,
      ),
    }),
  );
}
