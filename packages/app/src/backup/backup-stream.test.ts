import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCaseFile } from '@civic/formats';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../claims/cases.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, freshRestoreTarget, testDialects } from '../test-support.ts';
import { generateBackupKeyPair } from './backup-keys.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { packTar } from './tar-archive.ts';
import { readTarStream, tarStream, TarStreamError } from './tar-stream.ts';

// A PostgreSQL backup streams (issue 15): pg_dump's output goes through the age encrypter to the
// file, and back to pg_restore, without the dump held in memory. Real parts: PostgreSQL, pg_dump,
// pg_restore, age; the tar layer against the in-memory writer.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The most external memory (Buffers) beyond what was held when it started, while `fn` runs. Garbage
 * not yet collected counts too, so the bounds below leave room for it: what they rule out is the
 * dump held whole (with its archive and its encrypted copy: several times its size at once).
 */
async function peakWhile<T>(fn: () => Promise<T>): Promise<{ peak: number; value: T }> {
  const base = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
  }, 5);
  try {
    return { value: await fn(), peak };
  } finally {
    clearInterval(sample);
  }
}

const chunked = (data: Uint8Array, size: number) =>
  async function* () {
    for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
  };

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('the streamed tar layer', () => {
  const entries = [
    { name: 'manifest.json', data: new TextEncoder().encode('{"a":1}\n') },
    { name: 'database.pgdump', data: randomBytes(70_000) },
    { name: 'files/x.pdf', data: randomBytes(512) },
  ];

  it('writes the same bytes as the in-memory writer (age -d | tar x still opens it) and reads them back', async () => {
    const streamed = await collect(
      tarStream(
        entries.map((e) => ({ name: e.name, size: e.data.length, data: chunked(e.data, 4096) })),
        1_700_000_000,
      ),
    );
    expect(Buffer.from(streamed).equals(Buffer.from(packTar(entries, 1_700_000_000)))).toBe(true);
    const read = new Map<string, Buffer[]>();
    await readTarStream(
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(streamed);
          c.close();
        },
      }),
      {
        onData: (name, c) => void read.set(name, [...(read.get(name) ?? []), Buffer.from(c)]),
      },
    );
    for (const e of entries)
      expect(Buffer.concat(read.get(e.name) ?? []).equals(Buffer.from(e.data))).toBe(true);
  });

  it('names the entry being read when the stream fails inside it', async () => {
    const bytes = packTar(entries, 1);
    let sent = false;
    const failing = new ReadableStream<Uint8Array>({
      pull(c) {
        if (!sent) {
          sent = true;
          c.enqueue(bytes.subarray(0, 2048));
        } else c.error(new Error('damaged chunk'));
      },
    });
    const e = await readTarStream(failing, { onData: () => undefined }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TarStreamError);
    expect((e as TarStreamError).entry).toBe('database.pgdump');
  });
});

const pg = testDialects().includes('postgres');
describe.runIf(pg)('a large PostgreSQL backup streams', { timeout: 600_000 }, () => {
  it('creates and restores 48 MB of stored documents without holding the dump in memory', async () => {
    const ctx = await freshContext('postgres');
    const target = await freshRestoreTarget('postgres');
    try {
      const org = await createOrganisation(ctx, { name: 'Эхо' });
      if (!org.ok) throw new Error(org.error.message);
      // Stored documents are sealed (AES-GCM): they do not compress, so the dump is as large.
      const documents = [];
      for (let i = 0; i < 6; i++) {
        writeFileSync(join(dir, `scan-${i}.pdf`), randomBytes(8 << 20));
        documents.push({ name: `scan-${i}.pdf`, path: `scan-${i}.pdf` });
      }
      const file = parseCaseFile(
        new TextEncoder().encode(
          JSON.stringify({
            title: 'Inspection',
            pack: 'kz',
            actions: [{ kind: 'notice', servedOn: '2021-03-01', documents }],
          }),
        ),
        { fileName: 'case.json' },
      );
      if (!file.ok) throw new Error(file.error.message);
      const c = await createCase(ctx, file.value, { organisation: org.value.id, baseDir: dir });
      if (!c.ok) throw new Error(c.error.message);
      const keys = await generateBackupKeyPair();
      const out = join(dir, 'big.age');
      const made = await peakWhile(() =>
        createBackup({
          databaseUrl: ctx.url,
          out,
          sealing: { kind: 'recipients', recipients: [keys.publicKey] },
          now: new Date('2026-12-06T00:00:00Z'),
        }),
      );
      if (!made.value.ok) throw new Error(made.value.error.message);
      expect(made.value.value.bytes).toBeGreaterThan(48 << 20);
      // Held whole, the dump alone (48 MB), its archive and its encrypted copy would be in memory at once.
      expect(made.peak).toBeLessThan(72 << 20);
      const restored = await peakWhile(() =>
        restoreBackup({
          file: out,
          opening: { kind: 'identities', identities: [keys.identity] },
          target: target.url,
        }),
      );
      if (!restored.value.ok) throw new Error(restored.value.error.message);
      expect(restored.value.value.chains).toBeGreaterThan(0);
      expect(restored.peak).toBeLessThan(72 << 20);
    } finally {
      await ctx.close();
      await target.drop();
    }
  });
});
