/**
 * Predictive lead score on the X Education leads (TARGETS.md): train on the leads whose
 * md5(Prospect ID) bucket is ≥ 25, report AUC on the rest, with and without the activity columns.
 * Run alone with `npx tsx eval/lead-scoring.ts`; the eval runner calls evaluateLeadScoring().
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  evaluateModel,
  topFactors,
  type FeatureDefinition,
  type FeatureSpec,
  type LeadRow,
  type LeadValue,
} from '../server/src/modules/scoring/predictive/index.js';

const ID = 'Prospect ID';
const LABEL = 'Converted';
const TEST_PERCENT = 25;
/** Lead Number is a running id, not something known about the lead. */
const NOT_FEATURES = new Set([ID, 'Lead Number', LABEL, '']);
/** Filled in by sales after contact: using them would score leads with the answer. */
const AFTER_CONTACT = (column: string) =>
  ['Tags', 'Lead Quality', 'Lead Profile'].includes(column) || column.startsWith('Asymmetrique ');
const ACTIVITY = ['Last Activity', 'Last Notable Activity'];
const NUMERIC = new Set(['TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit']);
/** The web form's "nothing chosen" placeholder. */
const PLACEHOLDER = 'Select';

const TARGETS = { withoutActivity: 0.89, withActivity: 0.92 } as const;

export interface LeadScoringVariant {
  name: string;
  /** Columns offered to the model. */
  features: string[];
  /** Columns the model kept (the others never vary in the training part). */
  featuresUsed: string[];
  auc: number;
  target: number;
  met: boolean;
  trainingMs: number;
  lambda: number;
  crossValidation: { lambda: number; auc: number }[];
  topFactors: { feature: string; importance: number }[];
}

export interface LeadScoringResult {
  dataset: string;
  protocol: string;
  rows: number;
  train: { rows: number; positives: number };
  test: { rows: number; positives: number };
  variants: LeadScoringVariant[];
}

export async function evaluateLeadScoring(datasetsDir: string): Promise<LeadScoringResult> {
  const file = path.join(datasetsDir, 'x_education_leads', 'Leads.csv');
  const { columns, rows } = readLeads(await readFile(file, 'utf8'));
  const labels = rows.map((row) => Number(row[LABEL]));
  const ids = rows.map((row) => String(row[ID]));
  const allowed = columns.filter((column) => !NOT_FEATURES.has(column) && !AFTER_CONTACT(column));

  const variants = [
    { name: 'without Last Activity / Last Notable Activity', target: TARGETS.withoutActivity, drop: ACTIVITY },
    { name: 'with Last Activity / Last Notable Activity', target: TARGETS.withActivity, drop: [] as string[] },
  ].map(({ name, target, drop }) => {
    const spec = leadSpec(
      allowed.filter((column) => !drop.includes(column)),
      rows,
    );
    const evaluation = evaluateModel(rows, labels, ids, spec, { testPercent: TEST_PERCENT });
    return {
      variant: {
        name,
        features: spec.features.map((feature) => feature.name),
        featuresUsed: evaluation.model.features.map((feature) => feature.name),
        auc: evaluation.auc,
        target,
        met: evaluation.auc >= target,
        trainingMs: Math.round(evaluation.trainingMs),
        lambda: evaluation.model.training.lambda,
        crossValidation: evaluation.model.training.crossValidation ?? [],
        topFactors: topFactors(evaluation.model, 8).map(({ feature, importance }) => ({ feature, importance })),
      },
      evaluation,
    };
  });
  const { train, test } = variants[0].evaluation;
  return {
    dataset: 'x_education_leads/Leads.csv',
    protocol:
      `label ${LABEL}; test = rows with BigInt(0x + md5hex(utf8 ${ID})) % 100n < ${TEST_PERCENT}; ` +
      'left out: Tags, Lead Quality, Lead Profile, Asymmetrique * (filled in after contact), ' +
      'Prospect ID, Lead Number (ids); ' +
      '"Select" read as missing; L2 penalty chosen by 5-fold cross-validation inside the training part',
    rows: rows.length,
    train,
    test,
    variants: variants.map(({ variant }) => variant),
  };
}

/** Parses the CSV: CRLF endings, a trailing empty column, and "Select" meaning not answered. */
function readLeads(text: string): { columns: string[]; rows: LeadRow[] } {
  const records = parse(text, { bom: true }) as string[][];
  const [header, ...body] = records;
  const rows = body.map((record) =>
    Object.fromEntries(header.map((column, i) => [column, record[i] === PLACEHOLDER ? null : record[i]])),
  );
  return { columns: header, rows };
}

const YES_NO = new Set<LeadValue>(['Yes', 'No', null, '']);

/** The three engagement measures are numbers, Yes/No columns booleans, everything else categories. */
function leadSpec(columns: readonly string[], rows: readonly LeadRow[]): FeatureSpec {
  const isYesNo = (column: string) => rows.every((row) => YES_NO.has(row[column]));
  const features = columns.map((name): FeatureDefinition => {
    if (NUMERIC.has(name)) return { name, kind: 'numeric' };
    return { name, kind: isYesNo(name) ? 'boolean' : 'categorical' };
  });
  return { version: 1, features };
}

export function formatLeadScoringTable(result: LeadScoringResult): string {
  const lines = [
    `Lead scoring — ${result.dataset}: ${result.train.rows} training leads, ${result.test.rows} test leads`,
    '',
    '| variant | columns offered / used | test AUC | target | met | λ (CV) | training incl. CV |',
    '|---|---:|---:|---:|:---:|---:|---:|',
    ...result.variants.map(
      (v) =>
        `| ${v.name} | ${v.features.length} / ${v.featuresUsed.length} | ${v.auc.toFixed(4)} | ≥ ${v.target} | ` +
        `${v.met ? 'yes' : 'no'} | ${v.lambda} | ${v.trainingMs} ms |`,
    ),
  ];
  return lines.join('\n');
}

async function main() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const datasetsDir = path.resolve(repoRoot, process.env.L2C_DATASETS ?? '../shared/datasets');
  const result = await evaluateLeadScoring(datasetsDir);
  console.log(formatLeadScoringTable(result));
  const out = path.join(repoRoot, 'eval', 'results', 'lead-scoring.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten ${path.relative(repoRoot, out)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
