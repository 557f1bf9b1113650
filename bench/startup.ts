import { startServer } from '../server/test/server-process.js';

export interface StartupResult {
  firstStartMs: number;
  warmStartMs: number;
}

/** `npm start` to ready on the embedded database: a first start (migrations + demo) and a warm one. */
export async function benchStartup(): Promise<StartupResult> {
  const time = async (dataDir?: string) => {
    const started = performance.now();
    const server = await startServer({ L2C_WORKERS: 'on' }, dataDir);
    const ms = Math.round(performance.now() - started);
    await server.stop();
    return { ms, dataDir: server.dataDir };
  };
  const first = await time();
  const warm = await time(first.dataDir);
  return { firstStartMs: first.ms, warmStartMs: warm.ms };
}
