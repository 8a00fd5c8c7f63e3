import type { X509Certificate } from 'node:crypto';
import { canonicalJsonOf, checkChain, parseCanonicalJson } from '@civic/core';
import { checkBundleSigner } from './bundle-signer.ts';
import { summariseBundle, type BundleVerification, type VerifyBundleOptions } from './bundle-summary.ts';
import { bundleSchema, UNSIGNED_BUNDLE_FORMAT, type Bundle, type BundleFiling } from './bundle.schema.ts';
import { keyMatches, rawFromPublicKeyText } from './head-signature.ts';
import { sha256Hex } from './sha256.ts';
import { checkBundleTimestamp } from './timestamp/bundle-timestamp.ts';

const fail = (code: string, where: string, message: string): BundleVerification => ({
  ok: false,
  fault: { code, where, message },
});
const hashOf = (value: unknown): string => sha256Hex(canonicalJsonOf(value));

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks every hash of a bundle and says what fails first. Needs no database. A bundle holds
 * only if: its bytes are UTF-8 and exactly canonical JSON plus one newline (so no byte can change
 * without changing a value); its shape is the documented one; the log chain links from entry 1
 * to the stated head with every content and entry hash right; each filing's content hashes to
 * what its `filing.prepared` entry logged, and its submission is what `filing.submitted` logged;
 * each receipt and expenditure line hashes to its `recordHash`; every head is signed by the key
 * the chain's `organisation.key` entry introduces (which also says who the organisation is); and
 * `bundleHash` covers the rest. An unsigned bundle of format 1 fails with `BUNDLE_UNSIGNED`.
 * With `options.key`, a bundle signed by any other key fails with `BUNDLE_SIGNER_MISMATCH`. With
 * `options.tsaAnchors`, a timestamp whose authority does not chain to one of them fails with
 * `BUNDLE_TIMESTAMP_UNTRUSTED` (the summary is kept: everything else holds).
 */
export function verifyBundle(bytes: Uint8Array, options: VerifyBundleOptions = {}): BundleVerification {
  const v = verifyBundleBytesOnly(bytes, options.tsaAnchors);
  if (!v.ok) return v;
  const stamp = v.summary.timestamp;
  if (options.tsaAnchors && stamp?.trusted === false)
    return {
      ok: false,
      fault: { code: 'BUNDLE_TIMESTAMP_UNTRUSTED', where: 'timestamp', message: stamp.reason },
      summary: v.summary,
    };
  if (options.key === undefined) return v;
  const raw = rawFromPublicKeyText(v.summary.signedBy.publicKey);
  if (raw && keyMatches(options.key, raw)) return v;
  return fail(
    'BUNDLE_SIGNER_MISMATCH',
    'signer',
    `the bundle is signed by the key ${v.summary.signedBy.fingerprint}, not by the key given`,
  );
}

function verifyBundleBytesOnly(
  bytes: Uint8Array,
  anchors: readonly X509Certificate[] | undefined,
): BundleVerification {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail('BUNDLE_NOT_UTF8', 'bundle', 'the file is not valid UTF-8');
  }
  if (!text.endsWith('\n'))
    return fail(
      'BUNDLE_NOT_CANONICAL',
      'bundle',
      'the file does not end with exactly one newline after the JSON',
    );
  const parsed = parseCanonicalJson(text.slice(0, -1));
  if (!parsed) {
    const isJson = (() => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    })();
    return isJson
      ? fail(
          'BUNDLE_NOT_CANONICAL',
          'bundle',
          'the JSON is not in RFC 8785 canonical form (a byte was changed or the file was re-saved)',
        )
      : fail('BUNDLE_NOT_JSON', 'bundle', 'the file is not JSON');
  }
  const v = parsed.value;
  if (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (v as Record<string, unknown>)['format'] === UNSIGNED_BUNDLE_FORMAT
  )
    return fail(
      'BUNDLE_UNSIGNED',
      'bundle',
      'the bundle is of the unsigned format 1: its hashes can be recomputed by anyone, so it proves nothing about who wrote it',
    );
  const shape = bundleSchema.safeParse(v);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '';
    return fail(
      'BUNDLE_SHAPE_INVALID',
      path ? `bundle field ${path}` : 'bundle',
      issue?.message ?? 'unexpected shape',
    );
  }
  return checkBundle(shape.data, text.slice(0, -1), anchors);
}

/**
 * `bundleHash` sorts first among the members, so in the canonical text the rest of the bundle is
 * the text with that member cut out: hashing it needs no second serialisation.
 */
function restText(canonical: string, bundleHash: string): string {
  const member = `{"bundleHash":"${bundleHash}",`;
  if (!canonical.startsWith(member)) throw new Error('a canonical bundle starts with its bundleHash');
  return `{${canonical.slice(member.length)}`;
}

function checkBundle(
  b: Bundle,
  canonical: string,
  anchors: readonly X509Certificate[] | undefined,
): BundleVerification {
  const entries = b.log.entries;
  const first = entries[0];
  if (first && first.seq !== 1)
    return fail('LOG_SEQ_GAP', `log entry ${first.seq}`, 'the chain in the bundle does not start at entry 1');
  const chain = entries.map((e) => ({
    ...e,
    organisation: b.log.organisation,
    content: e.content === undefined ? undefined : canonicalJsonOf(e.content),
  }));
  const fault = checkChain(chain, sha256Hex, () => true);
  if (fault) {
    const e = entries.find((x) => x.seq === fault.seq);
    return fail(fault.code, `log entry ${fault.seq}${e ? ` (${e.kind} ${e.subjectId})` : ''}`, fault.message);
  }
  const head = entries.at(-1);
  if (!head || head.entryHash !== b.log.headHash)
    return fail(
      'BUNDLE_HEAD_MISMATCH',
      'log head',
      `the stated head ${b.log.headHash} is not the last entry's hash`,
    );
  const signed = checkBundleSigner(b);
  if (!signed.ok) return fail(signed.code, signed.where, signed.message);
  const stamp = checkBundleTimestamp(b, anchors);
  if (!stamp.ok) return fail('BUNDLE_TIMESTAMP_INVALID', 'timestamp', stamp.reason);
  if (b.filings[0]?.id !== b.subject)
    return fail('BUNDLE_SHAPE_INVALID', 'bundle field subject', 'the subject is not the first filing');
  for (const [i, f] of b.filings.entries()) {
    if (f.organisation !== b.log.organisation)
      return fail('BUNDLE_SHAPE_INVALID', `filing ${f.id}`, "the filing is not the signing organisation's");
    const next = b.filings[i + 1];
    if (f.corrects !== (next ? next.id : null))
      return fail('BUNDLE_SHAPE_INVALID', `filing ${f.id}`, 'the filings are not the chain of corrections');
    const r = checkFiling(b, f);
    if (r) return r;
  }
  const bundleHash = b.bundleHash;
  const h = sha256Hex(restText(canonical, bundleHash));
  if (h !== bundleHash)
    return fail('BUNDLE_HASH_MISMATCH', 'bundle', `the bundle hashes to ${h}, it says ${bundleHash}`);
  return { ok: true, summary: { ...summariseBundle(b, signed.signer), ...stamp.summary } };
}

/** The last entry of one of `kinds` about a subject (a draft prepared again is logged again; the last one counts). */
function loggedContent(
  b: Bundle,
  kinds: readonly string[],
  subjectId: string,
): { seq: number; content: unknown; recordedAt: string } | undefined {
  const e = b.log.entries.findLast(
    (x) => kinds.includes(x.kind) && x.subjectId === subjectId && x.content !== undefined,
  );
  return e ? { seq: e.seq, content: e.content, recordedAt: e.recordedAt } : undefined;
}

/** What a `filing.prepared` (or `filing.corrected`) entry logs about a filing (kept in step with the app). */
export function preparedLogContent(
  f: Pick<
    BundleFiling,
    'id' | 'organisation' | 'obligationId' | 'form' | 'periodFrom' | 'periodTo' | 'corrects' | 'contentHash'
  >,
) {
  return {
    filingId: f.id,
    organisation: f.organisation,
    obligationId: f.obligationId,
    form: f.form,
    periodFrom: f.periodFrom,
    periodTo: f.periodTo,
    corrects: f.corrects,
    contentHash: f.contentHash,
  };
}

/** What a `filing.submitted` entry logs. */
export function submittedLogContent(
  f: Pick<BundleFiling, 'id' | 'contentHash'>,
  s: {
    submittedOn: string;
    channel: string;
    incomingNumber: string;
    attachments: readonly { name: string; sha256: string; size: number }[];
  },
) {
  return {
    filingId: f.id,
    contentHash: f.contentHash,
    submittedOn: s.submittedOn,
    channel: s.channel,
    incomingNumber: s.incomingNumber,
    attachments: s.attachments.map((a) => ({ name: a.name, sha256: a.sha256, size: a.size })),
  };
}

/** The kinds of entry that record a filing's content. */
export const FILING_PREPARED_KINDS: readonly string[] = ['filing.prepared', 'filing.corrected'];

function checkFiling(b: Bundle, f: BundleFiling): BundleVerification | undefined {
  const where = `filing ${f.id}`;
  const h = hashOf(f.content);
  if (h !== f.contentHash)
    return fail(
      'BUNDLE_FILING_HASH_MISMATCH',
      where,
      `its content hashes to ${h}, the filing says ${f.contentHash}`,
    );
  const prepared = loggedContent(b, FILING_PREPARED_KINDS, f.id);
  if (!prepared)
    return fail(
      'BUNDLE_FILING_NOT_LOGGED',
      where,
      'no filing.prepared or filing.corrected entry in the log is about it',
    );
  if (hashOf(prepared.content) !== hashOf(preparedLogContent(f))) {
    return fail(
      'BUNDLE_FILING_NOT_LOGGED',
      `${where} (log entry ${prepared.seq})`,
      'the filing is not what its filing.prepared entry recorded',
    );
  }
  const submitted = loggedContent(b, ['filing.submitted'], f.id);
  if (f.submission === null) {
    if (f.state !== 'draft' || submitted)
      return fail(
        'BUNDLE_SUBMISSION_MISMATCH',
        where,
        'the log records a submission the bundle does not show',
      );
  } else {
    if (f.state !== 'submitted' || !submitted)
      return fail('BUNDLE_SUBMISSION_MISMATCH', where, 'no filing.submitted entry in the log is about it');
    if (
      hashOf(submitted.content) !== hashOf(submittedLogContent(f, f.submission)) ||
      submitted.recordedAt !== f.submission.recordedAt
    ) {
      return fail(
        'BUNDLE_SUBMISSION_MISMATCH',
        `${where} (log entry ${submitted.seq})`,
        'the submission is not what its filing.submitted entry recorded',
      );
    }
  }
  for (const key of ['receipts', 'expenditures'] as const) {
    const lines = f.content[key];
    if (!Array.isArray(lines)) continue;
    for (const line of lines as unknown[]) {
      if (typeof line !== 'object' || line === null)
        return fail('BUNDLE_RECORD_HASH_MISMATCH', `${where} ${key}`, 'a line is not an object');
      const { recordHash, ...record } = line as Record<string, unknown>;
      const id = typeof record['id'] === 'string' ? record['id'] : '?';
      if (recordHash !== hashOf(record))
        return fail(
          'BUNDLE_RECORD_HASH_MISMATCH',
          `${where} ${key.slice(0, -1)} ${id}`,
          `the ${key.slice(0, -1)} hashes to ${hashOf(record)}, the filing says ${String(recordHash)}`,
        );
    }
  }
  return undefined;
}
