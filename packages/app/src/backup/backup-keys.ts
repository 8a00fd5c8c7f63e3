import { readFileSync } from 'node:fs';
import { domainError, err, ok, type Result } from '@civic/core';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/** A backup key pair: the secret identity (`AGE-SECRET-KEY-1…`) and its public recipient (`age1…`). */
export interface BackupKeyPair {
  readonly identity: string;
  readonly publicKey: string;
}

/** A new X25519 age key pair. */
export async function generateBackupKeyPair(): Promise<BackupKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, publicKey: await identityToRecipient(identity) };
}

/** The key file's text, as age-keygen writes it (readable by `age -d -i FILE`). */
export function backupKeyFileText(pair: BackupKeyPair, now: Date): string {
  return `# created: ${now.toISOString()}\n# public key: ${pair.publicKey}\n${pair.identity}\n`;
}

/** The identities in a key file (lines starting AGE-SECRET-KEY-; comments and blank lines skipped). */
export function readBackupIdentities(file: string): Result<string[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return err(domainError('BACKUP_IDENTITY_UNREADABLE', `cannot read the key file ${file}`, { file }));
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const bad = lines.findIndex((l) => l !== '' && !l.startsWith('#') && !l.startsWith('AGE-SECRET-KEY-'));
  const ids = lines.filter((l) => l.startsWith('AGE-SECRET-KEY-'));
  if (bad >= 0 || ids.length === 0)
    return err(
      domainError('BACKUP_IDENTITY_UNREADABLE', `${file} is not an age key file`, {
        file,
        ...(bad >= 0 ? { line: bad + 1 } : {}),
      }),
    );
  return ok(ids);
}

/** Checks recipients (`age1…`) before any work is done: the first one that is not a public key is named. */
export function checkRecipients(recipients: readonly string[]): Result<string[]> {
  for (const [i, r] of recipients.entries()) {
    try {
      if (!/^age1[0-9a-z]+$/.test(r)) throw new Error('not age1…');
      new Encrypter().addRecipient(r);
    } catch {
      return err(
        domainError('BACKUP_RECIPIENT_INVALID', `recipient ${i + 1} is not an age public key (age1…)`, {
          field: 'recipient',
        }),
      );
    }
  }
  return ok([...recipients]);
}
