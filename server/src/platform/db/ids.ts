import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time: bulk writes make ids by the thousand, and one system call per id showed in profiles. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomBytes(n: number): Buffer {
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += n;
  return pool.subarray(poolOffset - n, poolOffset);
}

/** The millisecond and the counter of the last id: ids made within one millisecond count up. */
let lastMs = 0;
let counter = 0;
const COUNTER_MAX = 0xfff;
/** A fresh millisecond starts the counter at a random value in its lower half, leaving room to count. */
const counterStart = () => randomBytes(2).readUInt16BE(0) & 0x7ff;

/**
 * Time-ordered UUID (RFC 9562 v7): new rows append to the end of the primary-key index, and ids
 * made by this process sort in the order they were made, also within one millisecond (the 12
 * bits after the version count up, RFC 9562 method 1; the outbox delivers events in id order).
 * A full counter or a clock set back borrows the next millisecond rather than go backwards.
 */
export function uuidv7(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = counterStart();
  } else if (++counter > COUNTER_MAX) {
    lastMs += 1;
    counter = counterStart();
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  randomBytes(8).copy(bytes, 8);
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
