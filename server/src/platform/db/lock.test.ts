import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-lock-'));

describe('data folder lock', () => {
  it('keeps a second owner out while the first is alive, and frees the folder on release', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    // Another live process holds it: our parent stands in for it.
    fs.writeFileSync(path.join(dir, 'l2c.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    fs.writeFileSync(path.join(dir, 'l2c.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'l2c.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'l2c.lock'), String(child.pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'l2c.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
