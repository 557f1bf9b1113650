import { Readable } from 'node:stream';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { importFiles } from './imports.schema.js';

/** Chunk size of a stored file: large enough for few rows, small enough to stream. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * Writes an uploaded file into the database as it arrives, in chunks of FILE_CHUNK_BYTES,
 * never holding more than one chunk. Returns its size and its first bytes (for sniffing).
 */
export async function writeFileChunks(
  exec: Executor,
  target: { tenantId: string; importId: string },
  stream: AsyncIterable<Buffer>,
): Promise<{ size: number; head: Buffer }> {
  let seq = 0;
  let size = 0;
  let head: Buffer | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= FILE_CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const data = joined.subarray(0, FILE_CHUNK_BYTES);
      const rest = joined.subarray(data.length);
      head ??= Buffer.from(data.subarray(0, 64 * 1024));
      await exec.insert(importFiles).values({ ...target, seq: seq++, data });
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  for await (const chunk of stream) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    size += chunk.length;
    if (pendingBytes >= FILE_CHUNK_BYTES) await flush(false);
  }
  await flush(true);
  return { size, head: head ?? Buffer.alloc(0) };
}

/** The stored file as a byte stream, read one chunk at a time. */
export function openStoredFile(exec: Executor, tenantId: string, importId: string): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq += 4) {
      const rows = await exec
        .select({ seq: importFiles.seq, data: importFiles.data })
        .from(importFiles)
        .where(and(eq(importFiles.tenantId, tenantId), eq(importFiles.importId, importId), gte(importFiles.seq, seq)))
        .orderBy(asc(importFiles.seq))
        .limit(4);
      for (const row of rows) yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
      if (rows.length < 4) return;
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: FILE_CHUNK_BYTES });
}

export async function deleteStoredFile(exec: Executor, tenantId: string, importId: string): Promise<void> {
  await exec.delete(importFiles).where(and(eq(importFiles.tenantId, tenantId), eq(importFiles.importId, importId)));
}
