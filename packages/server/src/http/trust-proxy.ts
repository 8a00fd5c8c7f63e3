/**
 * How the client address (for the login throttle and the logs) is taken behind a reverse proxy:
 * the `TRUST_PROXY` environment variable (docs/security.md, "Behind a proxy").
 *
 * - unset, `''`, `0` or `false`: no proxy; the address is the socket's, X-Forwarded-For is ignored;
 * - a number N (`1` for one proxy in front): trust the N nearest hops; the client is the address
 *   the farthest trusted proxy saw (the N-th entry from the right of X-Forwarded-For), so a value
 *   a client writes into the header itself is never taken;
 * - a comma-separated list of addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`): trust hops from
 *   those addresses only;
 * - `true`: trust every hop (the left-most X-Forwarded-For entry): only when the proxy in front
 *   replaces the header rather than appends to it.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}
