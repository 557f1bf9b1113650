import fs from 'node:fs';
import { startServer } from '../server/test/server-process.js';

export interface StartupResult {
  firstStartMs: number;
  warmStartMs: number;
  /** CPU time (user + system) the server process used until ready: steadier than wall time on a shared machine. */
  firstCpuMs?: number;
  warmCpuMs?: number;
  /** The server's own account of a warm start: "database …, migrations …, … ms; loading … ms". */
  warmPhases?: string;
}

/** `npm start` to ready on the embedded database: a first start (migrations + demo) and a warm one. */
export async function benchStartup(): Promise<StartupResult> {
  const time = async (dataDir?: string) => {
    const started = performance.now();
    const server = await startServer({ L2C_WORKERS: 'on' }, dataDir);
    const ms = Math.round(performance.now() - started);
    const cpuMs = processCpuMs(server.process.pid!);
    const phases = /ready in \d+ ms \((.*)\)/.exec(server.output())?.[1];
    await server.stop();
    return { ms, cpuMs, phases, dataDir: server.dataDir };
  };
  const first = await time();
  const warm = await time(first.dataDir);
  fs.rmSync(first.dataDir, { recursive: true, force: true });
  return { firstStartMs: first.ms, warmStartMs: warm.ms, firstCpuMs: first.cpuMs, warmCpuMs: warm.cpuMs, warmPhases: warm.phases };
}

/** utime + stime of a process from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
  } catch {
    return undefined;
  }
}
