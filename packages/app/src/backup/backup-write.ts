import { createHash } from 'node:crypto';
import { createReadStream, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StreamedEntry } from './tar-stream.ts';

/** A file as a streamed archive entry, read 64 KiB at a time. */
export function fileEntry(name: string, path: string): StreamedEntry & { readonly path: string } {
  return {
    name,
    path,
    size: statSync(path).size,
    data: async function* () {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Buffer;
    },
  };
}

/** sha256 of a file, read in chunks. */
export async function sha256OfFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * Writes a sealed backup stream under a temporary name beside `out` (0600), fsyncs it and renames it
 * into place: the file appears only when complete. Returns its size and sha256.
 */
export async function writeSealed(
  sealed: ReadableStream<Uint8Array>,
  out: string,
): Promise<{ bytes: number; sha256: string }> {
  const tmp = join(dirname(out), `.${Date.now().toString(36)}-${process.pid}.backup-partial`);
  const digest = createHash('sha256');
  let bytes = 0;
  try {
    const handle = await open(tmp, 'wx', 0o600);
    try {
      const reader = sealed.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        digest.update(value);
        bytes += value.length;
        await handle.write(value);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    renameSync(tmp, out);
    return { bytes, sha256: digest.digest('hex') };
  } finally {
    rmSync(tmp, { force: true });
  }
}
