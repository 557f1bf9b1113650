import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptSecret, derivedKey, encryptSecret, loadKey } from './secret-key.js';
import { signToken, verifyToken } from './tracking-token.js';

const key = randomBytes(32);
const tenantId = '01a21a0f-5d74-707d-9380-aab01d487b31';
const id = '01a21a0f-5d74-707d-9380-aab01d487b32';

describe('tracking tokens', () => {
  it.each(['o', 'u', 'v'] as const)('round-trips a %s token', (kind) => {
    const token = signToken({ kind, tenantId, id }, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,80}$/);
    expect(verifyToken(token, kind, key)).toEqual({ kind, tenantId, id });
  });

  it('carries the link index of a click', () => {
    expect(verifyToken(signToken({ kind: 'c', tenantId, id, link: 513 }, key), 'c', key)).toEqual({ kind: 'c', tenantId, id, link: 513 });
  });

  it('refuses other keys, other kinds, edits and garbage', () => {
    const token = signToken({ kind: 'o', tenantId, id }, key);
    expect(verifyToken(token, 'o', randomBytes(32))).toBeNull();
    expect(verifyToken(token, 'u', key)).toBeNull();
    const bytes = Buffer.from(token, 'base64url');
    bytes[5] ^= 1; // another tenant
    expect(verifyToken(bytes.toString('base64url'), 'o', key)).toBeNull();
    for (const junk of ['', 'x', 'a'.repeat(500), '../../etc/passwd', `${token}=`]) expect(verifyToken(junk, 'o', key)).toBeNull();
  });
});

describe('secret key and encryption', () => {
  it('encrypts so that only the same key decrypts, and a tampered text fails', () => {
    const k = derivedKey('smtp-password', key);
    const stored = encryptSecret('p@ss wörd', k);
    expect(stored).not.toContain('p@ss');
    expect(decryptSecret(stored, k)).toBe('p@ss wörd');
    expect(decryptSecret(stored, derivedKey('smtp-password', randomBytes(32)))).toBeNull();
    const parts = stored.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(decryptSecret(parts.join('.'), k)).toBeNull();
    expect(decryptSecret('plain', k)).toBeNull();
  });

  it('derives distinct keys per purpose', () => {
    expect(derivedKey('smtp-password', key).equals(derivedKey('tracking-token', key))).toBe(false);
  });

  it('takes the key from the environment, or generates a key file once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l2c-key-'));
    expect(loadKey('a long enough secret value', dir).equals(loadKey('a long enough secret value', dir))).toBe(true);
    expect(() => loadKey('short', dir)).toThrow(/16 characters/);
    const first = loadKey(undefined, path.join(dir, 'data'));
    expect(first).toHaveLength(32);
    expect(loadKey(undefined, path.join(dir, 'data')).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'data', 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
