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
    /** Where in an uploaded file, and the specific account of the value at fault. */
    readonly where?: {
      readonly file?: string | undefined;
      readonly line?: number | undefined;
      readonly detail?: string | undefined;
    },
    /** FILING_LINT_UNACKNOWLEDGED: the check's errors to confirm, with their labels. */
    readonly lintErrors?: readonly { readonly code: string; readonly label: string }[],
    /** INCIDENT_PLACE_UNKNOWN: close names of the gazetteer, in the request's language. */
    readonly suggestions?: readonly string[],
    /** A 1C statement that cannot be read: the bank's own field names in it (the import page offers an alias). */
    readonly unknownFields?: readonly { readonly field: string; readonly line: number }[],
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
  error?: {
    code?: string;
    message?: string;
    field?: string;
    file?: string;
    line?: number;
    detail?: string;
    requestId?: string;
    lintErrors?: { code: string; label: string }[];
    suggestions?: string[];
    unknownFields?: { field: string; line: number }[];
  };
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const e = (json as ErrorBody | null)?.error;
    throw new ApiFailure(
      res.status,
      e?.code ?? 'HTTP_' + res.status,
      e?.message ?? res.statusText,
      e?.field,
      e?.requestId,
      { file: e?.file, line: e?.line, detail: e?.detail },
      e?.lintErrors,
      e?.suggestions,
    );
  }
  return json as T;
}

/**
 * Sends a file as the raw body of a POST (bank statements, incident files), reporting upload
 * progress as a fraction from 0 to 1; resolves with the JSON answer.
 */
export function uploadFile<T>(url: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept-language', language);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const json: unknown = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as T);
      const e = (json as ErrorBody | null)?.error;
      reject(
        new ApiFailure(
          xhr.status,
          e?.code ?? `HTTP_${xhr.status}`,
          e?.message ?? xhr.statusText,
          e?.field,
          e?.requestId,
          { file: e?.file, line: e?.line, detail: e?.detail },
          undefined,
          undefined,
          e?.unknownFields,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'NETWORK', 'network error'));
    xhr.send(file);
  });
}

/**
 * GETs a file (a drafted document) with the session cookie and the interface language; resolves
 * with its bytes and the name the server gives it, or rejects with the API's error (in that language).
 */
export async function downloadFile(url: string): Promise<{ blob: Blob; fileName: string }> {
  const res = await fetch(url, { headers: { 'accept-language': language }, credentials: 'same-origin' });
  if (!res.ok) {
    const text = await res.text();
    let e: ErrorBody['error'];
    try {
      e = (JSON.parse(text) as ErrorBody | null)?.error;
    } catch {
      e = undefined;
    }
    throw new ApiFailure(
      res.status,
      e?.code ?? `HTTP_${res.status}`,
      e?.message ?? res.statusText,
      e?.field,
      e?.requestId,
      {
        file: e?.file,
        line: e?.line,
        detail: e?.detail,
      },
    );
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? url.split('/').at(-1) ?? 'download';
  return { blob: await res.blob(), fileName };
}
