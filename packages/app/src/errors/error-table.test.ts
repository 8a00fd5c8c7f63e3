import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorRow, errorSpec, KNOWN_ERROR_CODES } from './error-table.ts';
import { EN_MESSAGES } from './messages.en.ts';
import { KK_MESSAGES } from './messages.kk.ts';
import { RU_MESSAGES } from './messages.ru.ts';

// Real parts: docs/errors.md as people read it, and the source tree as it is.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const ERROR_TABLE_HEADER = /^\|\s*code\s*\|\s*meaning\s*\|\s*CLI exit\s*\|\s*HTTP\s*\|\s*$/;

interface DocRow {
  readonly code: string;
  readonly exitCode: number;
  readonly status: number | null;
  readonly line: number;
}

/** The rows of every `| code | meaning | CLI exit | HTTP |` table of docs/errors.md (findings and lint tables have other headers). */
function documentedErrors(markdown: string): DocRow[] {
  const rows: DocRow[] = [];
  let inTable = false;
  markdown.split('\n').forEach((text, i) => {
    if (ERROR_TABLE_HEADER.test(text)) {
      inTable = true;
      return;
    }
    if (!text.startsWith('|')) {
      inTable = false;
      return;
    }
    if (!inTable || /^\|[-\s|]+\|$/.test(text)) return;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const code = /^`([A-Z][A-Z0-9_]+)`$/.exec(cells[0] ?? '')?.[1];
    const exit = cells.at(-2) ?? '';
    const http = cells.at(-1) ?? '';
    if (code === undefined || !/^\d+$/.test(exit) || !/^(\d{3}|—)$/.test(http))
      throw new Error(`docs/errors.md line ${i + 1} is not a row of code, meaning, exit, HTTP: ${text}`);
    rows.push({ code, exitCode: Number(exit), status: http === '—' ? null : Number(http), line: i + 1 });
  });
  return rows;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(path);
  }
  return out;
}

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

const docRows = documentedErrors(readFileSync(join(root, 'docs', 'errors.md'), 'utf8'));

describe('the error table and docs/errors.md', () => {
  it('reads the documented error tables (not the findings, lint or verify tables)', () => {
    expect(docRows.length).toBeGreaterThan(150);
    expect(docRows.map((r) => r.code)).toContain('WAVE_NOT_FOUND');
    expect(docRows.map((r) => r.code)).not.toContain('LIMITATION_EXPIRED');
  });

  it.each(docRows.map((r) => [r.code, r.line, r] as const))(
    '%s (docs line %i) is in the table with the documented exit code and HTTP status',
    (code, _line, row) => {
      expect(errorRow(code), `${code} missing from error-table.ts`).toEqual({
        status: row.status,
        exitCode: row.exitCode,
      });
    },
  );

  it('documents every code of the table', () => {
    const documented = new Set(docRows.map((r) => r.code));
    expect(KNOWN_ERROR_CODES.filter((c) => !documented.has(c))).toEqual([]);
  });

  it('gives a code documented twice the same exit code and status both times', () => {
    const seen = new Map<string, DocRow>();
    for (const r of docRows) {
      const first = seen.get(r.code);
      if (first)
        expect({ code: r.code, exitCode: r.exitCode, status: r.status }).toEqual({
          code: first.code,
          exitCode: first.exitCode,
          status: first.status,
        });
      seen.set(r.code, r);
    }
  });
});

describe('the message catalogues', () => {
  it.each([
    ['ru', RU_MESSAGES],
    ['kk', KK_MESSAGES],
  ] as const)(
    '%s has a message for every code, with the placeholders of the English one',
    (_lang, catalogue) => {
      for (const code of KNOWN_ERROR_CODES) {
        const en = EN_MESSAGES[code];
        const message = catalogue[code];
        expect(en, `${code}: no English message`).toBeTruthy();
        expect(message, `${code}: no message`).toBeTruthy();
        expect(placeholders(message ?? ''), code).toEqual(placeholders(en ?? ''));
      }
    },
  );

  it('holds no message for a code that is not in the table', () => {
    const known = new Set(KNOWN_ERROR_CODES);
    for (const catalogue of [EN_MESSAGES, RU_MESSAGES, KK_MESSAGES])
      expect(Object.keys(catalogue).filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('codes used in the source', () => {
  const used = new Map<string, string>();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    let files: string[];
    try {
      files = sourceFiles(join(root, 'packages', pkg, 'src'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:domainError\(\s*|new CliError\(\s*\{\s*code:\s*)'([A-Z][A-Z0-9_]+)'/g,
      ))
        if (m[1]) used.set(m[1], file);
    }
  }

  it('finds the codes the source raises', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it('has every code raised with domainError(...) or new CliError(...) in the table', () => {
    expect(
      [...used]
        .filter(([code]) => errorRow(code) === undefined)
        .map(([code, file]) => `${code} (${file.slice(root.length)})`),
    ).toEqual([]);
  });
});

describe('errorSpec', () => {
  it('answers a CLI-only code (— in the docs) with the status its name gives, and its exit code', () => {
    expect(errorRow('BRIEF_OUT_UNWRITABLE')).toEqual({ status: null, exitCode: 2 });
    expect(errorSpec('BRIEF_OUT_UNWRITABLE')).toEqual({
      status: 400,
      exitCode: 2,
      messageKey: 'BRIEF_OUT_UNWRITABLE',
    });
    expect(errorSpec('WAVES_INPUT_NOT_FOUND').status).toBe(404);
  });

  it.each([
    ['WAVE_NOT_FOUND', 404, 2],
    ['INCIDENT_PROMOTION_EXISTS', 409, 2],
    ['RULE_CALENDAR_NOT_COVERED', 422, 2],
    ['INTERNAL', 500, 70],
  ])('%s → HTTP %i, exit %i', (code, status, exitCode) => {
    expect(errorSpec(code)).toMatchObject({ status, exitCode });
  });
});
