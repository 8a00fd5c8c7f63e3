import { randomBytes } from 'node:crypto';
import {
  timestampQuery,
  tokenFromResponse,
  verifyTimestampToken,
  type BundleTimestamp,
} from '@civic/formats';
import { findLogTimestamp, insertLogTimestamp, listLogEntriesFor } from '@civic/store';
import type { AppContext } from '../context.ts';

/** A time-stamping authority (RFC 3161 over HTTP): the server's and the CLI's `TSA_URL`. */
export interface TsaConfig {
  readonly url: string;
  /** How long to wait for the answer (default 5 s); past it the head goes without a timestamp. */
  readonly timeoutMs?: number;
}

/** The authority from the environment: `TSA_URL` (unset or empty: none). */
export function tsaFromEnv(env: Readonly<Record<string, string | undefined>>): TsaConfig | undefined {
  const url = env['TSA_URL']?.trim();
  if (!url) return undefined;
  const ms = Number(env['TSA_TIMEOUT_MS']?.trim() ?? '');
  return Number.isInteger(ms) && ms > 0 ? { url, timeoutMs: ms } : { url };
}

export const NO_TSA_REASON = 'no time-stamping authority is configured (TSA_URL)';

/**
 * The RFC 3161 timestamp of an organisation's head at `seq`: the one stored, else — with an
 * authority — a new one, checked (imprint, nonce, signature, certificate) and stored; else why
 * there is none. Never fails: an authority that is unreachable, slow or answers wrongly leaves
 * the head without a timestamp, and says so.
 */
export async function timestampHead(
  ctx: AppContext,
  head: { readonly organisation: string; readonly seq: number; readonly entryHash: string },
  tsa: TsaConfig | undefined,
): Promise<BundleTimestamp> {
  const stored = await findLogTimestamp(ctx.store.db, head.organisation, head.seq);
  if (stored && stored.entryHash === head.entryHash) return { token: stored.token, nonce: stored.nonce };
  if (!tsa) return { token: null, reason: NO_TSA_REASON };
  const nonce = randomBytes(8);
  const answer = await askAuthority(tsa, timestampQuery(head.entryHash, nonce));
  if (!answer.ok) return { token: null, reason: answer.reason };
  const token = tokenFromResponse(answer.body);
  if (!token.ok) return { token: null, reason: token.reason };
  const v = verifyTimestampToken(token.token, { headHash: head.entryHash, nonce });
  if (!v.ok) return { token: null, reason: `the authority's token does not hold: ${v.reason}` };
  const stamp = { token: Buffer.from(token.token).toString('base64'), nonce: nonce.toString('hex') };
  await insertLogTimestamp(ctx.store.db, { ...head, ...stamp, authority: v.authority, stampedAt: v.time });
  return stamp;
}

/** POST application/timestamp-query; the reply's bytes, or why there are none. */
async function askAuthority(
  tsa: TsaConfig,
  query: Uint8Array<ArrayBuffer>,
): Promise<{ ok: true; body: Uint8Array } | { ok: false; reason: string }> {
  const seconds = Math.round((tsa.timeoutMs ?? 5000) / 100) / 10;
  try {
    const res = await fetch(tsa.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: query,
      signal: AbortSignal.timeout(tsa.timeoutMs ?? 5000),
    });
    if (!res.ok) return { ok: false, reason: `the time-stamping authority answered HTTP ${res.status}` };
    return { ok: true, body: new Uint8Array(await res.arrayBuffer()) };
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return {
      ok: false,
      reason: timedOut
        ? `the time-stamping authority did not answer within ${seconds} s`
        : 'the time-stamping authority could not be reached',
    };
  }
}

/**
 * Timestamps a filing's own head — its last log entry (on submission: `filing.submitted`) — when
 * an authority is configured; what the bundle of that moment would carry. Never fails.
 */
export async function timestampFiling(
  ctx: AppContext,
  filing: { readonly id: string; readonly organisation: string },
  tsa: TsaConfig | undefined,
): Promise<BundleTimestamp> {
  const entries = await listLogEntriesFor(ctx.store.db, filing.id);
  const last = entries.filter((e) => e.organisation === filing.organisation).at(-1);
  if (!last) return { token: null, reason: 'the filing is not in the log' };
  return timestampHead(
    ctx,
    { organisation: last.organisation, seq: last.seq, entryHash: last.entryHash },
    tsa,
  );
}

/**
 * A filing's timestamp for people to read: the earliest timestamp of a head at or after the
 * filing's last log entry (a later head's timestamp proves the filing's entries existed then).
 */
export async function filingTimestamp(
  ctx: AppContext,
  filing: { readonly id: string; readonly organisation: string },
): Promise<{ time: string; authority: string } | null> {
  const entries = await listLogEntriesFor(ctx.store.db, filing.id);
  const last = entries.filter((e) => e.organisation === filing.organisation).at(-1);
  if (!last) return null;
  const t = await findLogTimestamp(ctx.store.db, filing.organisation, last.seq, { orLater: true });
  return t ? { time: t.stampedAt, authority: t.authority } : null;
}
