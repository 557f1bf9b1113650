import fs from 'node:fs';
import type { AnalyticsResult, AnalyticsTiming } from './analytics.js';
import type { ApiReadsResult } from './api-reads.js';
import type { LeadImportResult } from './lead-import.js';
import type { StartupResult } from './startup.js';

export interface BenchResult {
  at: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; loadAverage: number[] };
  databaseKind: 'pglite' | 'postgres';
  database: string;
  scale: number;
  rows: Record<string, number>;
  generateMs: number;
  connections: number;
  /** Absent when `--only` left the benchmark out. */
  analytics?: AnalyticsResult;
  apiReads?: ApiReadsResult;
  leadImport?: LeadImportResult;
  startup?: StartupResult;
}

const n = (x: number) => x.toLocaleString('en-US');

/** One run as a markdown section: machine, versions, scale, each figure beside its baseline and target. */
export function resultsMarkdown(result: BenchResult): string {
  const { analytics: an, apiReads: r, leadImport: imp, startup } = result;
  const cpu = (ms: number | undefined) => (ms === undefined ? '' : `, ${n(ms)} ms CPU`);
  const serverCpu = (x: ApiReadsResult['getById']['ours']) => (x.serverCpuMs ? `, server CPU ${x.serverCpuMs.user} + ${x.serverCpuMs.system} ms/req (user + system)` : '');
  const load = (x: ApiReadsResult['getById']['ours']) =>
    `${n(x.requestsPerSecond)} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms${serverCpu(x)}${x.errors ? `, ${x.errors} errors` : ''}`;
  const timing = (label: string, x: AnalyticsTiming, target: string) =>
    `| ${label} | ${n(x.oursMs)} ms | one hand-written SQL statement: ${n(x.sqlMs)} ms | ${x.ratio}${target} |`;
  const rows = [
    ...(an ? [
      timing(`Funnel, as an executive, ${an.from} – ${an.to} (median of ${an.repetitions}; ${an.funnel.figures} figures equal)`, an.funnel, ' (≤ 1.5; < 1 s)'),
      timing(`Forecast rolled up the team hierarchy (${an.forecast.figures} figures equal)`, an.forecast, ' (≤ 1.5; < 1 s)'),
      timing(`Campaign ROI, linear attribution, with MQL → SQL alignment (${an.campaignRoi.figures} figures equal)`, an.campaignRoi, ''),
    ] : []),
    ...(imp ? [
      `| Lead import, ${n(imp.rows)} rows (${imp.duplicatesPlanted} already in the CRM; dedup on) | ${n(imp.importRowsPerSecond)} rows/s | raw \`COPY\`: ${n(imp.copyRowsPerSecond)} rows/s | ${imp.importRatio} (≥ 0.25) |`,
      `| … against a raw \`COPY\` of every row it wrote (${Object.entries(imp.written).map(([table, rows]) => `${n(rows)} ${table}`).join(', ')}) | ${n(imp.importRowsPerSecond)} rows/s | raw \`COPY\`: ${n(imp.copyWrittenRowsPerSecond)} file rows/s | ${imp.writtenRatio} |`,
      `| … including scoring and assignment of every new lead | ${n(imp.endToEndRowsPerSecond)} rows/s | raw \`COPY\` | ${imp.endToEndRatio} |`,
      `| … until all it set off has settled (duplicate index, event deliveries) | ${n(imp.settledRowsPerSecond)} rows/s | | |`,
    ] : []),
    ...(r ? [
      `| Get one account by id, ${result.connections} connections | ${load(r.getById.ours)} | bare SQL route: ${load(r.getById.bare)} | ${r.getById.throughputRatio} (≥ 0.5) |`,
      `| List page of 50, filtered and sorted | ${load(r.listPage.ours)} | bare SQL route: ${load(r.listPage.bare)} | ${r.listPage.throughputRatio} (≥ 0.5; p99 < 50 ms) |`,
      `| Server RSS under that load (separate server process) | ${r.maxRssMb} MB peak${r.idleRssMb ? ` (${r.idleRssMb} MB after start)` : ''} | | (< 300 MB) |`,
    ] : []),
    ...(startup ? [
      `| Start-up to ready, embedded database | first run ${n(startup.firstStartMs)} ms (migrations + demo)${cpu(startup.firstCpuMs)}, warm ${n(startup.warmStartMs)} ms${cpu(startup.warmCpuMs)} | | (< 5 s) |`,
    ] : []),
  ];
  return `### ${result.database}, scale ${result.scale} — ${result.at.slice(0, 16).replace('T', ' ')} UTC

Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGb} GB, Node ${result.machine.node}, load average at the end ${result.machine.loadAverage.join(' / ')}.
Data: ${Object.entries(result.rows).map(([k, v]) => `${n(v)} ${k}`).join(', ')} (generated in ${n(result.generateMs)} ms).

| Benchmark | Ours | Baseline | Ratio (target) |
|---|---|---|---|
${rows.join('\n')}

${imp ? importDetails(imp) : ''}${startup?.warmPhases ? `Warm start, as the server reports it: ${startup.warmPhases}.\n` : ''}`;
}

const stageList = (stages: LeadImportResult['stages']['import']) =>
  Object.entries(stages).sort(([, a], [, b]) => b.ms - a.ms).map(([stage, t]) => `${stage} ${n(t.ms)} ms (${n(t.calls)}×)`).join(', ');

/** Where the import's time goes: counts, wall time per stage (nested stages overlap their parents), the jobs its events set off. */
function importDetails(imp: LeadImportResult): string {
  return `Import counts: ${Object.entries(imp.counts).map(([k, v]) => `${k} ${v}`).join(', ')}.
Import stages (wall time; nested stages are inside their parents): ${stageList(imp.stages.import)}.
After the import, its events: ${stageList(imp.stages.events)}; jobs ${Object.entries(imp.jobs).map(([k, v]) => `${k} ${n(v)}`).join(', ')}.
`;
}

/** Replaces the section of one database kind in docs/performance.md with this run. */
export function recordResults(file: string, kind: BenchResult['databaseKind'], markdown: string): void {
  const begin = `<!-- bench:${kind} -->`;
  const end = `<!-- /bench:${kind} -->`;
  const doc = fs.readFileSync(file, 'utf8');
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${begin} … ${end} section`);
  fs.writeFileSync(file, `${doc.slice(0, from + begin.length)}\n${markdown}\n${doc.slice(to)}`);
}
