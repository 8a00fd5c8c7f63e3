import { formatNumber, type DomainError, type Locale } from '@civic/core';

/** The facts of a bad file's detail: where (line, field) and the value at fault, as it was in the file. */
export interface DetailParams {
  readonly line?: number;
  readonly field?: string;
  readonly value?: string;
}

/** The pieces a detail is made of in each language: `{n}` the line, `{field}`, `{value}` as in the file. */
const PIECES: Readonly<Record<Locale, { line: string; field: string; value: string }>> = {
  en: { line: 'line {n}', field: 'field “{field}”', value: 'value “{value}”' },
  ru: { line: 'строка {n}', field: 'поле «{field}»', value: 'значение «{value}»' },
  kk: { line: '{n}-жол', field: '«{field}» өрісі', value: '«{value}» мәні' },
};

/** A value quoted in the (English) account of the error: the first "…" in it, as the file had it. */
function quotedValue(message: string): string | undefined {
  const m = /"([^"]{1,200})"/.exec(message);
  return m?.[1];
}

/** The params of a bad file's detail, read from the error: its line, its field and the value it quotes. */
export function detailParams(error: DomainError): DetailParams {
  const value =
    typeof error.details?.['value'] === 'string' ? error.details['value'] : quotedValue(error.message);
  return {
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.field !== undefined ? { field: error.field } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

/**
 * The detail of a bad uploaded file in the language: where it is (line, field) and the value at
 * fault as the file had it («строка 12; поле «Сумма»; значение «1000000.00.5»»). English keeps the
 * parser's own account, which says more. The line number goes through the core formatter; the
 * field and the value are the file's own text. Undefined when there is nothing to add.
 */
export function localiseDetail(error: DomainError, locale: Locale, english: string): string | undefined {
  if (locale === 'en') return english;
  const p = detailParams(error);
  const w = PIECES[locale];
  const parts = [
    p.line !== undefined ? w.line.replace('{n}', formatNumber(locale, p.line)) : null,
    p.field !== undefined ? w.field.replace('{field}', p.field) : null,
    p.value !== undefined ? w.value.replace('{value}', p.value) : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
