import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A temporary file for a part too large for memory (a PostgreSQL dump), written before the backup
 * because the manifest, which comes first, needs its size and sha256. Its bytes are sealed with
 * AES-256-GCM under a key that lives only in this process's memory, so the plain dump never
 * touches the disk; it is removed as soon as the backup is written.
 */
export class Spool {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(12);
  private readonly cipher = createCipheriv('aes-256-gcm', this.key, this.iv);
  private readonly hash = createHash('sha256');
  private tag: Buffer | undefined;
  bytes = 0;

  private constructor(
    readonly path: string,
    private readonly file: Awaited<ReturnType<typeof open>>,
  ) {}

  static async create(near: string): Promise<Spool> {
    const path = join(dirname(near), `.${Date.now().toString(36)}-${process.pid}.backup-spool`);
    return new Spool(path, await open(path, 'wx', 0o600));
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    await this.file.write(this.cipher.update(chunk));
  }

  /** Ends the writing; returns the plain bytes' sha256. */
  async close(): Promise<string> {
    await this.file.write(this.cipher.final());
    this.tag = this.cipher.getAuthTag();
    await this.file.close();
    return this.hash.digest('hex');
  }

  /** The plain bytes again, in chunks (the tag is checked at the end: a changed spool throws). */
  async *read(): AsyncGenerator<Uint8Array> {
    if (!this.tag) throw new Error('the spool is still being written');
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.iv);
    decipher.setAuthTag(this.tag);
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1 << 16 }))
      yield decipher.update(chunk as Buffer);
    yield decipher.final();
  }

  async remove(): Promise<void> {
    await this.file.close().catch(() => undefined);
    this.key.fill(0);
    await rm(this.path, { force: true });
  }
}
