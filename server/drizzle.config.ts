import { defineConfig } from 'drizzle-kit';

// One schema and one set of migrations for PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/src/platform/**/*.schema.ts', './server/src/modules/**/*.schema.ts'],
  out: './server/migrations',
});
