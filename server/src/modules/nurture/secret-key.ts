import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';

/**
 * The server's secret: from `L2C_SECRET_KEY` (any long random string), or else a random key
 * generated once into `<L2C_DATA_DIR>/secret.key` (mode 600). Several servers sharing one
 * database must share the key: set L2C_SECRET_KEY on each. Losing it makes stored SMTP
 * passwords unreadable (enter them again) and invalidates the links in e-mails already sent.
 */
let master: Buffer | undefined;

export const KEY_FILE = 'secret.key';

export function secretKey(): Buffer {
  master ??= loadKey(process.env.L2C_SECRET_KEY, loadConfig().dataDir);
  return master;
}

export function loadKey(fromEnv: string | undefined, dataDir: string): Buffer {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 16) throw new Error('L2C_SECRET_KEY must be at least 16 characters (use e.g. `openssl rand -base64 32`)');
    return createHash('sha256').update(fromEnv).digest();
  }
  const file = path.join(dataDir, KEY_FILE);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
}

/** A key for one purpose, so the encryption key and the signing key are never the same. */
export function derivedKey(purpose: 'smtp-password' | 'tracking-token', key: Buffer = secretKey()): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `lead2cash:${purpose}`, 32));
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptSecret(plain: string, key: Buffer = derivedKey('smtp-password')): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plain text, or null when it cannot be decrypted (another key, or tampered). */
export function decryptSecret(stored: string, key: Buffer = derivedKey('smtp-password')): string | null {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
