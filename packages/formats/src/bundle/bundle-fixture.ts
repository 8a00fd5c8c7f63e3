import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { canonicalJsonOf, GENESIS_HASH, logEntryHeaderText } from '@civic/core';
import { sampleFilingContent } from '../filing/filing-fixture.ts';
import type { BundleFiling } from './bundle.schema.ts';
import { orgKeyLogContent, ORG_KEY_KIND, rawPublicKeyOf, signHead } from './head-signature.ts';
import { sha256Hex } from './sha256.ts';
import { preparedLogContent, submittedLogContent } from './verify-bundle.ts';
import { writeBundle, type SignedLogEntry } from './write-bundle.ts';

// Test support for the bundle tests: a signed chain and a sample bundle, built exactly as the
// store and the app build them.

export const ORG = 'org_echo';
export const ORG_IDENTITY = { id: ORG, name: 'Эхо', bin: '070940000014' };

/** The organisation's key pair in the tests (made once per test file). */
export const ORG_KEY: { privateKey: KeyObject; publicKey: KeyObject } = generateKeyPairSync('ed25519');

/** A chain of log entries hashed exactly as the store appends them, each head signed with `key`. */
export function chain(
  items: readonly { kind: string; subjectId: string; content: unknown }[],
  key: KeyObject = ORG_KEY.privateKey,
): SignedLogEntry[] {
  const out: SignedLogEntry[] = [];
  for (const [i, item] of items.entries()) {
    const content = canonicalJsonOf(item.content);
    const header = {
      seq: i + 1,
      organisation: ORG,
      kind: item.kind,
      subjectId: item.subjectId,
      contentHash: sha256Hex(content),
      previousHash: out.at(-1)?.entryHash ?? GENESIS_HASH,
      recordedAt: `2023-08-0${(i % 9) + 1}T10:00:00.000Z`,
    };
    const entryHash = sha256Hex(logEntryHeaderText(header));
    out.push({ ...header, content, entryHash, signature: signHead(key, entryHash) });
  }
  return out;
}

/** A submitted original, a submitted correction of it, and unrelated entries before and after. */
export function sampleBundle(compact = false): string {
  const base = sampleFilingContent();
  const trim = compact
    ? {
        receipts: base.receipts.slice(0, 1),
        expenditures: base.expenditures.slice(0, 1),
        grants: base.grants.slice(0, 1),
      }
    : {};
  const original = sampleFilingContent(trim);
  const corrected = sampleFilingContent({ ...trim, corrects: 'fil_1', notes: ['corrected: EUR rate'] });
  const f1 = {
    id: 'fil_1',
    organisation: ORG,
    obligationId: original.obligation.id,
    form: 'F.018.00',
    periodFrom: '2023-01-01',
    periodTo: '2023-06-30',
    corrects: null,
    contentHash: sha256Hex(canonicalJsonOf(original)),
  };
  const f2 = { ...f1, id: 'fil_2', corrects: 'fil_1', contentHash: sha256Hex(canonicalJsonOf(corrected)) };
  const s1 = {
    submittedOn: '2023-08-14',
    channel: 'cabinet.salyk.kz',
    incomingNumber: 'KGD-2023-0815-001',
    attachments: [{ name: 'f018.pdf', sha256: sha256Hex('pdf bytes'), size: 9 }],
  };
  const s2 = { submittedOn: '2023-09-01', channel: 'paper', incomingNumber: '№ 17/443', attachments: [] };
  const entries = chain([
    {
      kind: ORG_KEY_KIND,
      subjectId: ORG,
      content: orgKeyLogContent({
        organisation: ORG_IDENTITY,
        rawPublicKey: rawPublicKeyOf(ORG_KEY.publicKey),
      }),
    },
    { kind: 'claim.action-recorded', subjectId: 'case_9', content: { secret: 'not for this bundle' } },
    { kind: 'filing.prepared', subjectId: 'fil_1', content: preparedLogContent(f1) },
    { kind: 'filing.submitted', subjectId: 'fil_1', content: submittedLogContent(f1, s1) },
    { kind: 'filing.prepared', subjectId: 'fil_2', content: preparedLogContent(f2) },
    { kind: 'filing.submitted', subjectId: 'fil_2', content: submittedLogContent(f2, s2) },
    { kind: 'filing.prepared', subjectId: 'fil_3', content: { other: 'filing' } },
  ]);
  const recordedAt = (seq: number) => entries[seq - 1]?.recordedAt ?? '';
  const filings: BundleFiling[] = [
    {
      ...f2,
      state: 'submitted',
      content: { ...corrected },
      createdAt: '2023-08-31T09:00:00.000Z',
      submission: { ...s2, recordedAt: recordedAt(6) },
    },
    {
      ...f1,
      state: 'submitted',
      content: { ...original },
      createdAt: '2023-08-10T09:00:00.000Z',
      submission: { ...s1, recordedAt: recordedAt(4) },
    },
  ];
  return writeBundle({
    filings,
    entries,
    exportedAt: '2026-03-01T12:00:00.000Z',
  });
}
