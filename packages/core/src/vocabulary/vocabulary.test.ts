import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.ts';
import { CASE_ACTION_KINDS } from '../claims/case.ts';
import { FINDING_CODES } from '../claims/finding.ts';
import { LINT_CODES } from '../filings/lint-problem.ts';
import { ACTION_TYPES } from '../incident.ts';
import { LOCALES } from '../locale.ts';
import { OBLIGATION_STATUSES } from '../obligations/obligation-status.ts';
import { ACTION_FAMILIES } from '../waves/action-family.ts';
import {
  ACTION_FAMILY_LABELS,
  ACTION_TYPE_LABELS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  CANDIDATE_REASON_LABELS,
  CASE_ACTION_KIND_LABELS,
  FINDING_CODE_LABELS,
  LINT_CODE_LABELS,
  OBLIGATION_STATUS_LABELS,
  ROLE_LABELS,
  SEVERITY_LABELS,
  labelOf,
  type Vocabulary,
} from './index.ts';

const VOCABULARIES: ReadonlyArray<readonly [string, Vocabulary<string>, readonly string[]]> = [
  ['action types', ACTION_TYPE_LABELS, ACTION_TYPES],
  ['action families', ACTION_FAMILY_LABELS, ACTION_FAMILIES],
  ['case action kinds', CASE_ACTION_KIND_LABELS, CASE_ACTION_KINDS],
  ['lint codes', LINT_CODE_LABELS, Object.keys(LINT_CODES)],
  ['finding codes', FINDING_CODE_LABELS, Object.keys(FINDING_CODES)],
  ['obligation statuses', OBLIGATION_STATUS_LABELS, OBLIGATION_STATUSES],
  [
    'candidate reasons',
    CANDIDATE_REASON_LABELS,
    ['non-resident-sender', 'foreign-currency', 'known-foreign-source'],
  ],
  ['severities', SEVERITY_LABELS, ['error', 'warning']],
  [
    'audit actions',
    AUDIT_ACTION_LABELS,
    [
      'create',
      'update',
      'delete',
      'login',
      'invite',
      'accept-invitation',
      'cancel-invitation',
      'resend-invitation',
      'role-change',
      'import',
      'submit',
      'restore',
    ],
  ],
  [
    'audit entities',
    AUDIT_ENTITY_LABELS,
    ['user', 'receipt', 'membership', 'invitation', 'brief', 'notification'],
  ],
  ['roles', ROLE_LABELS, ROLES],
];

describe('vocabularies', () => {
  it.each(VOCABULARIES)('%s: every code has a label in every language', (_name, vocabulary, codes) => {
    for (const code of codes)
      for (const locale of LOCALES)
        expect(labelOf(vocabulary, code, locale).trim(), `${code} ${locale}`).not.toBe('');
    expect(Object.keys(vocabulary).sort()).toEqual(expect.arrayContaining([...codes].sort()));
  });

  it.each(VOCABULARIES)(
    '%s: Russian and Kazakh labels are Cyrillic, English ones Latin',
    (_name, vocabulary) => {
      for (const [code, labels] of Object.entries(vocabulary)) {
        expect(labels.ru, code).not.toMatch(/[A-Za-z]/);
        expect(labels.kk, code).not.toMatch(/[A-Za-z]/);
        expect(labels.en, code).not.toMatch(/[\u0400-\u04FF]/);
        expect(labels.kk, code).not.toBe(labels.en);
      }
    },
  );

  it('gives the code back when it does not know it', () => {
    expect(labelOf(ACTION_TYPE_LABELS, 'fine', 'kk')).toBe('айыппұл');
    expect(labelOf(ACTION_TYPE_LABELS, 'teleportation', 'ru')).toBe('teleportation');
    expect(labelOf(ACTION_TYPE_LABELS, 'toString', 'ru')).toBe('toString');
  });
});
