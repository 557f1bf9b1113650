/**
 * Insight quality against the public benchmarks in /work/shared/TARGETS.md: duplicate detection
 * (person, business, Chinese name variants) and the predictive lead score. Datasets are read from
 * L2C_DATASETS (default ../shared/datasets, relative to the repo root); results go to
 * eval/results/latest.json and markdown tables on stdout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateBusinessDedup } from './business-dedup';
import { evaluateCnNameVariants } from './cn-name-variants';
import { datasetsRoot } from './datasets';
import { evaluateLeadDedup } from './lead-dedup';
import { evaluateLeadScoring, formatLeadScoringTable } from './lead-scoring';
import { evaluatePersonDedup } from './person-dedup';

const timed = <T>(run: () => T): { result: T; seconds: number } => {
  const start = performance.now();
  const result = run();
  return { result, seconds: Math.round(performance.now() - start) / 1000 };
};

const person = timed(evaluatePersonDedup);
const business = timed(evaluateBusinessDedup);
const leads = timed(evaluateLeadDedup);
const cnNames = timed(evaluateCnNameVariants);
const leadScoringStart = performance.now();
const leadScoring = await evaluateLeadScoring(datasetsRoot());
const leadScoringSeconds = Math.round(performance.now() - leadScoringStart) / 1000;

const TARGETS = { personF1: 0.99, businessF1: 0.98, cnTop1: 0.95 } as const;
const pct = (x: number) => (100 * x).toFixed(2);
const n = (x: number) => x.toLocaleString('en-US');
const row = (set: string, metric: string, value: number, target?: number) =>
  `| ${set} | ${metric} | ${pct(value)} | ${target === undefined ? '' : `≥ ${pct(target)}`} | ${target === undefined ? '' : value >= target ? 'yes' : '**no**'} |`;

const p = person.result;
const b = business.result;
const c = cnNames.result;
const l = leads.result;
const LEADS = 'Leads at companies: febrl 3 at listed companies';
const table = [
  '| Set | Metric (%) | Value | Target | Met |',
  '|---|---|---|---|---|',
  row('Person: febrl 4a × 4b', 'precision', p.test.precision),
  row('Person: febrl 4a × 4b', 'recall', p.test.recall),
  row('Person: febrl 4a × 4b', 'F1', p.test.f1, TARGETS.personF1),
  row('Person: febrl 4a × 4b', 'blocking recall', p.blockingRecall),
  row('Person: febrl 3 (threshold training)', 'F1', p.training.f1),
  row('Business: fodors × zagats, fixed rule', 'precision', b.fixedRule.precision),
  row('Business: fodors × zagats, fixed rule', 'recall', b.fixedRule.recall),
  row('Business: fodors × zagats, fixed rule', 'F1', b.fixedRule.f1, TARGETS.businessF1),
  row('Business: fodors × zagats, 5-fold CV threshold', 'F1', b.crossValidated.f1),
  row('Business: fodors × zagats', 'blocking recall', b.blockingRecall),
  row(`${LEADS}, strong or exact`, 'precision', l.strong.precision),
  row(`${LEADS}, strong or exact`, 'recall', l.strong.recall),
  row(`${LEADS}, strong or exact`, 'F1', l.strong.f1),
  row(`${LEADS}, possible or above`, 'F1', l.possible.f1),
  row(LEADS, 'blocking recall', l.blockingRecall),
  row('Chinese names: short → full legal name', 'top-1 accuracy', c.top1Accuracy, TARGETS.cnTop1),
  row('Chinese names: short → full legal name', 'blocking recall', c.blockingRecall),
].join('\n');

const results = {
  date: new Date().toISOString(),
  node: process.version,
  datasets: datasetsRoot(),
  targets: TARGETS,
  person: { ...p, seconds: person.seconds },
  business: { ...b, seconds: business.seconds },
  leads: { ...l, seconds: leads.seconds },
  cnNameVariants: { ...c, seconds: cnNames.seconds },
  leadScoring: { ...leadScoring, seconds: leadScoringSeconds },
};
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

console.log(table);
console.log(
  `\nPerson threshold: score ${p.threshold.toPrecision(3)} = ${p.thresholdBits.toFixed(1)} bits of evidence, chosen on ${p.thresholdChosenOn}; ${p.candidatePairs} candidate pairs of 25,000,000.`,
);
console.log(`Business: fixed rule = level strong or exact (score ≥ ${b.threshold}); ${b.candidatePairs} candidate pairs of 176,423.`);
console.log(
  `Leads at companies: ${n(l.leads)} leads at ${l.employers} employers (the largest has ${l.largestEmployer}), ${n(l.trueLinks)} true pairs, ` +
    `${n(l.candidatePairs)} candidate pairs; ${l.colleaguesCalledStrong} of ${n(l.colleaguePairs)} compared colleagues called strong or exact.`,
);
console.log(`\n${formatLeadScoringTable(leadScoring)}`);
console.log(
  `\nTime: person ${person.seconds} s, business ${business.seconds} s, Chinese names ${cnNames.seconds} s, ` +
    `leads at companies ${leads.seconds} s, lead scoring ${leadScoringSeconds} s. Written to ${out}.`,
);
