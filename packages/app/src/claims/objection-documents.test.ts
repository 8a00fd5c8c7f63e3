import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate as d, type Locale } from '@civic/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { freshContext } from '../test-support.ts';
import { listCasesOf } from './cases.ts';
import { draftObjection } from './objection.ts';

// The demo objections read as filings (issue 10): Echo, KIBHR, ILI and Erkindik Kanaty, drafted on
// 28 Jan 2021 (after their rulings, before the charges were dropped on 4 Feb 2021, legal-brief.md
// §2.1), in ru, kk and en, as PDF (read back with pdftotext) and DOCX (document.xml unzipped).
const dir = mkdtempSync(join(tmpdir(), 'civic-objection-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPECT: Record<Locale, { to: RegExp; request: string; cite: RegExp; month: RegExp }> = {
  ru: {
    to: /В специализированный межрайонный административный суд/,
    request: 'ПРОШУ:',
    cite: /статья 460-1 КоАП РК|КоАП РК/,
    month: /\d{1,2} января 2021 г\./,
  },
  kk: {
    to: /мамандандырылған ауданаралық әкімшілік сотына/,
    request: 'СҰРАЙМЫН:',
    cite: /ӘҚБтК 460-1-бабы|ӘҚБтК/,
    month: /2021 жылғы \d{1,2} қаңтар/,
  },
  en: {
    to: /specialised inter-district administrative court/,
    request: 'I REQUEST:',
    cite: /CoAO Art\. 460-1/,
    month: /\d{1,2} January 2021/,
  },
};

/** What may never be in the body of a filing. */
function never(text: string): string[] {
  const found: string[] = [];
  const body = text.split(/— (?:end of the note|конец примечания|ескертпенің соңы) —/).at(-1) ?? text;
  const checks: [string, RegExp][] = [
    ['an ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
    ['an internal id', /\b(?:fil|cas|act|org|doc)_[A-Za-z0-9]/],
    ['a finding code', /\b(?:LIMITATION|PENALTY|SUSPENSION|REPEAT|RECORD|OFFENCE|APPEAL|RULE)_[A-Z_]+/],
    ['a tier id', /inaccurate-information|failure-to-notify|repeat-within-year/],
    ['a source mark', /\[[CDU]\]|§/],
    ['a research note', /the brief|legal brief|illustrative \(/i],
    ['a doubled full stop', /[^.]\.\.(?!\.)/],
  ];
  for (const [what, re] of checks) if (re.test(body)) found.push(`${what}: ${re.exec(body)?.[0] ?? ''}`);
  return found;
}

const pdfText = (bytes: Uint8Array, name: string): string => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};
const docxText = async (bytes: Uint8Array): Promise<string> => {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
};

describe('the demo objections as filings (sqlite)', () => {
  let ctx: Awaited<ReturnType<typeof freshContext>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await freshContext('sqlite', () => new Date('2026-06-01T08:00:00Z'));
    await seedDemo(ctx);
    for (const name of [
      'Echo',
      'Kazakhstan International Bureau for Human Rights',
      'International Legal Initiative',
      'Erkindik Kanaty',
    ]) {
      const r = await listCasesOf(ctx, name);
      const id = r.ok ? r.value[0]?.id : undefined;
      if (!id) throw new Error(`no demo case for ${name}`);
      ids[name] = id;
    }
  }, 120_000);
  afterAll(async () => ctx.close());

  for (const name of [
    'Echo',
    'Kazakhstan International Bureau for Human Rights',
    'International Legal Initiative',
    'Erkindik Kanaty',
  ])
    for (const lang of ['ru', 'kk', 'en'] as const)
      it(`${name}, ${lang}: PDF and DOCX name the court, request, cite and date as filings do`, async () => {
        for (const format of ['pdf', 'docx'] as const) {
          const r = await draftObjection(ctx, ids[name] ?? '?', { lang, format, asOf: d('2021-01-28') });
          if (!r.ok) throw new Error(r.error.message);
          const text =
            format === 'pdf' ? pdfText(r.value.bytes, `${name}-${lang}.pdf`) : await docxText(r.value.bytes);
          const e = EXPECT[lang];
          expect(text, `${format}`).toMatch(e.to);
          expect(text).toContain(e.request);
          expect(text).toMatch(e.cite);
          expect(text).toMatch(e.month);
          expect(never(text), `${format}: ${text.slice(0, 400)}`).toEqual([]);
        }
      });

  it('--to higher-official addresses the higher official; an annulled ruling gives nothing to draft', async () => {
    const r = await draftObjection(ctx, ids['Echo'] ?? '?', {
      lang: 'ru',
      format: 'docx',
      asOf: d('2021-01-28'),
      to: 'higher-official',
    });
    expect(
      r.ok &&
        r.value.text.blocks.some((b) => 'text' in b && b.text.startsWith('Вышестоящему должностному лицу')),
    ).toBe(true);
    const late = await draftObjection(ctx, ids['Echo'] ?? '?', {
      lang: 'ru',
      format: 'docx',
      asOf: d('2021-04-10'),
    });
    expect(!late.ok && late.error.code).toBe('OBJECTION_NOTHING_TO_ANNUL');
    const bad = await draftObjection(ctx, ids['Echo'] ?? '?', {
      lang: 'ru',
      format: 'docx',
      to: 'prosecutor',
    });
    expect(!bad.ok && bad.error.code).toBe('OBJECTION_TO_INVALID');
  });

  it('a missed complaint deadline brings the request to restore it', async () => {
    const r = await draftObjection(ctx, ids['Echo'] ?? '?', {
      lang: 'ru',
      format: 'docx',
      asOf: d('2021-01-28'),
    });
    const texts = r.ok ? r.value.text.blocks.map((b) => ('text' in b ? b.text : '')) : [];
    expect(texts).toContain('Ходатайство о восстановлении пропущенного срока');
    expect(texts.some((t) => t.startsWith('восстановить пропущенный срок'))).toBe(true);
  });
});
