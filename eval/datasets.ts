import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared datasets live outside the repository: L2C_DATASETS, or ../shared/datasets, relative to the repo root. */
export const datasetsRoot = (): string => resolve(repoRoot, process.env.L2C_DATASETS ?? '../shared/datasets');

/** Reads a CSV with a header row into records keyed by column name (BOM and ", " separators tolerated). */
export function readCsv(...path: string[]): Record<string, string>[] {
  const text = readFileSync(join(datasetsRoot(), ...path), 'utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true, relax_column_count: true });
}
