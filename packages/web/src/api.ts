/**
 * The JSON API client: same-origin fetch with the session cookie, the CSRF header on
 * state-changing requests (read from the `civic_csrf` cookie), and the interface language in
 * Accept-Language so that error messages come back in it.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

let language = 'en';
export function setApiLanguage(locale: string): void {
  language = locale;
}

function csrfToken(): string {
  const m = /(?:^|;\s*)civic_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; requestId?: string };
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (json as ErrorBody | null)?.error;
    throw new ApiFailure(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? res.statusText, e?.field, e?.requestId);
  }
  return json as T;
}
