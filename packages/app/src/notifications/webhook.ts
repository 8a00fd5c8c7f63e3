import { createHmac } from 'node:crypto';

/** The header that carries `sha256=<hex HMAC-SHA256 of the raw body>` under the organisation's secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-CivicLedger-Signature';

export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs one alert as JSON, signed; throws on a network error or a status other than 2xx. */
export async function postWebhook(url: string, secret: string, payload: unknown): Promise<void> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(secret, body),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status < 200 || res.status > 299) throw new Error(`webhook answered ${res.status}`);
}
