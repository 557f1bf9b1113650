import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';

const server = path.resolve(import.meta.dirname, '../..');

/** The tables every `*.schema.ts` declares: what drizzle-kit reads (server/drizzle.config.ts). */
async function declaredSchema(): Promise<Record<string, unknown>> {
  const src = path.join(server, 'src');
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.schema.ts')).map((f) => path.join(src, f));
  const modules = await Promise.all(files.map((file) => import(file) as Promise<Record<string, unknown>>));
  return Object.assign({}, ...modules);
}

describe('migrations', () => {
  it('the latest snapshot is the schema the code declares (no change left to generate)', async () => {
    const journal = JSON.parse(await readFile(path.join(server, 'migrations/meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const latest = String(journal.entries.at(-1)!.idx).padStart(4, '0');
    const snapshot = JSON.parse(await readFile(path.join(server, `migrations/meta/${latest}_snapshot.json`), 'utf8')) as DrizzleSnapshotJSON;
    const pending = await generateMigration(snapshot, generateDrizzleJson(await declaredSchema()));
    // Regenerate with: npx drizzle-kit generate --config server/drizzle.config.ts
    expect(pending).toEqual([]);
  });
});
