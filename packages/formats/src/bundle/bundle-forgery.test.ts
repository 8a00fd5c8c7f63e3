import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { canonicalJsonOf, GENESIS_HASH, logEntryHeaderText } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { ORG_KEY, sampleBundle } from './bundle-fixture.ts';
import { fingerprintOf, orgKeyLogContent, ORG_KEY_KIND, rawPublicKeyOf, signHead } from './head-signature.ts';
import { sha256Hex } from './sha256.ts';
import { verifyBundle } from './verify-bundle.ts';

// Issue 12, defect 5: forgeries by someone who can edit the file and recompute every hash (all of
// them are unkeyed sha256), but does not hold the organisation's private key.

type Json = Record<string, unknown>;
interface Entry extends Json {
  seq: number;
  kind: string;
  subjectId: string;
  recordedAt: string;
  contentHash: string;
  previousHash: string;
  entryHash: string;
  signature: string;
  content?: unknown;
}
interface Doc extends Json {
  bundleHash: string;
  filings: (Json & { id: string; contentHash: string; content: Json })[];
  log: { organisation: string; headHash: string; entries: Entry[] };
}

const hashOf = (v: unknown) => sha256Hex(canonicalJsonOf(v));
const encode = (doc: Doc) => new TextEncoder().encode(`${canonicalJsonOf(doc)}\n`);

/**
 * Recomputes every hash of an edited bundle the way a forger would: record hashes, filing content
 * hashes and what `filing.prepared` logged of them, every entry's content and entry hash down the
 * chain, the head and the bundle hash; re-signs the heads only when given a key.
 */
function reseal(doc: Doc, signWith?: KeyObject): Doc {
  for (const f of doc.filings) {
    for (const k of ['receipts', 'expenditures']) {
      const lines = f.content[k];
      if (!Array.isArray(lines)) continue;
      for (const line of lines as Json[]) {
        delete line['recordHash'];
        line['recordHash'] = hashOf(line);
      }
    }
    f.contentHash = hashOf(f.content);
    for (const e of doc.log.entries)
      if (e.subjectId === f.id && e.content && typeof e.content === 'object' && 'contentHash' in e.content)
        (e.content as Json)['contentHash'] = f.contentHash;
  }
  let previous = GENESIS_HASH;
  for (const e of doc.log.entries) {
    if (e.content !== undefined) e.contentHash = hashOf(e.content);
    e.previousHash = previous;
    e.entryHash = sha256Hex(logEntryHeaderText({ ...e, organisation: doc.log.organisation }));
    if (signWith) e.signature = signHead(signWith, e.entryHash);
    previous = e.entryHash;
  }
  doc.log.headHash = previous;
  const { bundleHash: _old, ...rest } = doc;
  doc.bundleHash = hashOf(rest);
  return doc;
}

const fresh = (): Doc => JSON.parse(sampleBundle(true)) as Doc;
const keyEntry = (doc: Doc): Entry & { content: Json } => {
  const e = doc.log.entries.find((x) => x.kind === ORG_KEY_KIND);
  if (!e) throw new Error('the sample has a key entry');
  return e as Entry & { content: Json };
};
const genuineFingerprint = fingerprintOf(rawPublicKeyOf(ORG_KEY.publicKey));

describe('bundle forgeries (defect 5)', () => {
  it('the genuine bundle verifies, names the organisation from its signed entry and the signer', () => {
    const r = verifyBundle(encode(fresh()), { key: genuineFingerprint });
    expect(r.ok ? r.summary : r.fault).toMatchObject({
      organisation: { name: 'Эхо', bin: '070940000014' },
      signedBy: { fingerprint: genuineFingerprint },
    });
    // Resealing without any edit, with the genuine key, changes nothing: the forger's tool is right.
    expect(verifyBundle(encode(reseal(fresh(), ORG_KEY.privateKey))).ok).toBe(true);
  });

  it('refuses a changed organisation name and BIN with every hash recomputed', () => {
    const doc = fresh();
    const org = keyEntry(doc).content['organisation'] as Json;
    org['name'] = 'Подставная организация';
    org['bin'] = '999999999999';
    expect(verifyBundle(encode(reseal(doc)))).toMatchObject({
      ok: false,
      fault: { code: 'BUNDLE_SIGNATURE_INVALID', where: expect.stringMatching(/^log entry 1 /) as unknown },
    });
  });

  it('refuses a changed amount with every hash recomputed', () => {
    const doc = fresh();
    const receipt = (doc.filings[0]?.content['receipts'] as Json[])[0];
    if (!receipt) throw new Error('the sample has a receipt');
    expect(receipt['amount']).toBeTypeOf('string');
    receipt['amount'] = '1.00';
    const r = verifyBundle(encode(reseal(doc)));
    expect(r).toMatchObject({ ok: false, fault: { code: 'BUNDLE_SIGNATURE_INVALID' } });
  });

  it("refuses heads signed by another key under the organisation's key entry", () => {
    const other = generateKeyPairSync('ed25519');
    const doc = fresh();
    const last = doc.log.entries.at(-1);
    if (!last) throw new Error('entries');
    last.signature = signHead(other.privateKey, last.entryHash);
    expect(verifyBundle(encode(doc))).toMatchObject({
      ok: false,
      fault: { code: 'BUNDLE_SIGNATURE_INVALID', where: expect.stringMatching(/^log entry 7 /) as unknown },
    });
  });

  it('a chain re-signed end to end by another key holds only as that key: --key tells them apart', () => {
    const other = generateKeyPairSync('ed25519');
    const doc = fresh();
    const k = keyEntry(doc);
    const org = k.content['organisation'] as { id: string; name: string; bin: string | null };
    k.content = orgKeyLogContent({ organisation: org, rawPublicKey: rawPublicKeyOf(other.publicKey) });
    const forged = encode(reseal(doc, other.privateKey));
    const plain = verifyBundle(forged);
    expect(plain.ok ? plain.summary.signedBy.fingerprint : plain.fault).not.toBe(genuineFingerprint);
    for (const key of [
      genuineFingerprint,
      genuineFingerprint.replace(/ /g, '').toUpperCase(),
      rawPublicKeyOf(ORG_KEY.publicKey).toString('base64'),
      rawPublicKeyOf(ORG_KEY.publicKey).toString('hex'),
    ])
      expect(verifyBundle(forged, { key })).toMatchObject({
        ok: false,
        fault: { code: 'BUNDLE_SIGNER_MISMATCH' },
      });
    const otherFingerprint = fingerprintOf(rawPublicKeyOf(other.publicKey));
    expect(verifyBundle(forged, { key: otherFingerprint }).ok).toBe(true);
  });

  it('refuses an unsigned bundle of format 1, naming it', () => {
    const doc = fresh() as Json;
    doc['format'] = 'civicledger-bundle/1';
    expect(verifyBundle(new TextEncoder().encode(`${canonicalJsonOf(doc)}\n`))).toMatchObject({
      ok: false,
      fault: { code: 'BUNDLE_UNSIGNED' },
    });
  });

  it('refuses a chain with no key entry (nothing says who signed it)', () => {
    const doc = fresh();
    const k = keyEntry(doc);
    k.kind = 'note';
    expect(verifyBundle(encode(reseal(doc, ORG_KEY.privateKey)))).toMatchObject({
      ok: false,
      fault: { code: 'BUNDLE_UNSIGNED' },
    });
  });
});
