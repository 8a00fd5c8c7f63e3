// The coverage row of the public Atom feed (feed.routes.ts), with its language: the feed asked in
// Russian (`?lang=ru`) and in Kazakh (Accept-Language: kk) tells the fixture's published brief (written
// in English) and the public incidents in that language, with no ISO date or internal id in its text.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { PRIVATE_MARKER, type CoverageFixture } from './coverage-fixture.ts';
import { bad, PUBLIC, type Case, type CoverageTable } from './route-cases.ts';

/** The human text of a feed: its title and subtitle, each entry's title and summary. */
function humanText(xml: string): string[] {
  return [...xml.matchAll(/<(title|subtitle|summary)[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2] ?? '');
}

/** The title of the entry with this id. */
function entryTitle(xml: string, id: string): string {
  const m = new RegExp(`<id>${id}</id>\\s*<title>([^<]*)</title>`).exec(xml);
  return m?.[1] ?? '';
}

function inLanguage(lang: 'ru' | 'kk', feedTitle: string) {
  return (res: LightMyRequestResponse, f: CoverageFixture): void => {
    const xml = res.body;
    expect(res.headers['content-language']).toBe(lang);
    expect(xml).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`);
    expect(xml).toContain(`<title>${feedTitle}</title>`);
    const brief = entryTitle(xml, `urn:civicledger:brief:${f.ids.publishedBrief}`);
    expect(brief).toMatch(/[а-яёәғқңөұүһі]/i);
    expect(untranslatedWords(brief)).toEqual([]);
    const text = humanText(xml);
    expect(text.length).toBeGreaterThan(3);
    // Dates in words, never ISO; no internal id in what people read. <updated> keeps RFC 3339.
    expect(text.filter((t) => /\d{4}-\d\d-\d\d/.test(t))).toEqual([]);
    expect(text.filter((t) => /\b(brf|inc|wav|org)_\w+/.test(t))).toEqual([]);
    expect(xml).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/updated>/);
    expect(xml).not.toContain(PRIVATE_MARKER);
  };
}

const ENGLISH: Case = {
  as: 'anonymous',
  status: 200,
  check: (res, f) =>
    expect([
      res.headers['content-type'],
      res.body.includes(`urn:civicledger:brief:${f.ids.publishedBrief}`),
    ]).toEqual(['application/atom+xml; charset=utf-8', true]),
};

export const FEED_ROUTE_CASES: CoverageTable = {
  'GET /api/v1/feed.atom': {
    happy: [
      ENGLISH,
      {
        as: 'anonymous',
        query: 'lang=ru',
        status: 200,
        check: inLanguage('ru', 'CivicLedger — обзоры и инциденты'),
      },
      {
        as: 'anonymous',
        headers: { 'accept-language': 'kk' },
        status: 200,
        check: inLanguage('kk', 'CivicLedger — шолулар мен оқиғалар'),
      },
    ],
    badInput: bad('anonymous', 'lang', { query: 'lang=de' }),
    noSession: PUBLIC,
    wrongRole: PUBLIC,
    otherTenant: {
      as: 'anonymous',
      status: 200,
      check: (res, f) =>
        expect([res.body.includes(PRIVATE_MARKER), res.body.includes(f.ids.briefId)]).toEqual([false, false]),
    },
  },
};
