import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server-process.js';

/** The real `npm start` entry on the embedded database: demo logins, the folder lock, clean stops. */
let server: RunningServer;
// Starting real processes is slow on a loaded machine: the hooks and tests wait accordingly.
const SLOW = 240_000;
beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
}, SLOW);
afterAll(async () => {
  await server?.stop();
});

describe('the server process', () => {
  it('starts with a demo tenant and prints its sign-ins', async () => {
    expect(server.output()).toMatch(/admin@demo\.lead2cash\.local/);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.lead2cash.local', password: 'Lead2Cash!demo' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const accounts = await (await fetch(`${server.url}/api/v1/accounts?limit=200`, { headers: { cookie } })).json();
    expect(accounts.data.length).toBeGreaterThan(2);
  });

  it('refuses a second process on the same data folder with a clear message', { timeout: SLOW }, () => {
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: '', PORT: '0', L2C_DATA_DIR: server.dataDir },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`The embedded database in ${server.dataDir} is in use by process`);
  });

  it('shuts down cleanly on SIGTERM and frees the folder', { timeout: SLOW }, async () => {
    const code = await server.stop();
    expect(code, server.output()).toBe(0);
    expect(fs.existsSync(path.join(server.dataDir, 'l2c.lock'))).toBe(false);
    // The data survives: a new server on the same folder finds the demo tenant instead of creating it again.
    const again = await startServer({ L2C_WORKERS: 'off' }, server.dataDir);
    expect(again.output()).toContain('Demo tenant sign-ins');
    expect(await again.stop()).toBe(0);
  });
});
