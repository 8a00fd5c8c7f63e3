import { domainError } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { errorSpec, KNOWN_ERROR_CODES } from './error-table.ts';
import { localiseError } from './localise-error.ts';
import { EN_MESSAGES } from './messages.en.ts';
import { KK_MESSAGES } from './messages.kk.ts';
import { RU_MESSAGES } from './messages.ru.ts';

describe('error table', () => {
  it('has an English, Russian and Kazakh message for every code it lists', () => {
    for (const code of KNOWN_ERROR_CODES) {
      expect(EN_MESSAGES[code], code).toBeTruthy();
      expect(RU_MESSAGES[code], code).toBeTruthy();
      expect(KK_MESSAGES[code], code).toBeTruthy();
    }
  });

  it.each([
    ['AUTH_INVALID_CREDENTIALS', 401],
    ['AUTH_FORBIDDEN', 403],
    ['ORG_NOT_FOUND', 404],
    ['AUTH_RATE_LIMITED', 429],
    ['INTERNAL', 500],
    ['LEDGER_RECEIPT_NOT_FOUND', 404],
    ['IMPORT_DUPLICATE', 409],
    ['CANDIDATE_ALREADY_DECIDED', 409],
    ['IMPORT_UNKNOWN_FIELD', 400],
  ])('%s → HTTP %i', (code, status) => {
    expect(errorSpec(code).status).toBe(status);
  });

  it('gives exit code 2 for bad input', () => {
    expect(errorSpec('DATE_INVALID').exitCode).toBe(2);
  });
});

describe('localiseError', () => {
  const e = domainError('REQUEST_INVALID', 'body must have required property email', { field: 'email' });

  it('gives the catalogue message in each language', () => {
    expect(localiseError(e, 'en')).toBe('The request is not valid (field email).');
    expect(localiseError(e, 'ru')).toBe('Запрос составлен неверно (поле email).');
    expect(localiseError(e, 'kk')).toBe('Сұрау қате құрылған (email өрісі).');
  });

  it('falls back to the English message for a code with no translation', () => {
    expect(localiseError(domainError('IMPORT_SOMETHING', 'line 3: bad field'), 'kk')).toBe(
      'line 3: bad field',
    );
  });
});
