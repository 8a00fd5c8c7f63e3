import { describe, expect, it } from 'vitest';
import { localText } from './local-text.ts';
import { fixturePackInput } from './rule-pack.fixture.ts';
import { parseRulePack } from './rule-pack.ts';
import type { RulePackInput } from './rule-pack.schema.ts';

function issuePaths(input: unknown): string[] {
  const r = parseRulePack(input, 'test.yaml');
  if (r.ok) return [];
  const issues = r.error.details?.['issues'];
  return Array.isArray(issues) ? issues.map((i: { path: string }) => i.path) : [];
}

function changed(edit: (pack: RulePackInput) => void): RulePackInput {
  const copy = structuredClone(fixturePackInput());
  edit(copy);
  return copy;
}

describe('localText', () => {
  it('gives the language asked for, else English, else the first language given', () => {
    expect(localText({ en: 'Fine', ru: 'Штраф', kk: 'Айыппұл' }, 'kk')).toBe('Айыппұл');
    expect(localText({ en: 'Fine', ru: 'Штраф' }, 'kk')).toBe('Fine');
    expect(localText({ ru: 'Штраф' }, 'en')).toBe('Штраф');
    expect(localText('Fine', 'ru')).toBe('Fine');
  });
});

describe('a pack declaring languages', () => {
  it('accepts an English-only pack with plain strings (languages defaults to en)', () => {
    const r = parseRulePack(fixturePackInput(), 'test.yaml');
    expect(r.ok && r.value.languages).toEqual(['en']);
  });

  it('fails when a user-facing text is a plain string and the pack declares ru', () => {
    const input = changed((p) => {
      p.languages = ['en', 'ru'];
    });
    const paths = issuePaths(input);
    expect(paths).toContain('name');
    expect(paths).toContain('obligations[0].title');
    expect(paths).toContain('obligations[0].form.title');
    expect(paths).toContain('offences[0].tiers[0].conduct');
  });

  it('names the missing language of a localized text', () => {
    const input = changed((p) => {
      p.languages = ['en', 'ru', 'kk'];
      p.name = { en: 'Test land', ru: 'Тестовая страна' };
    });
    expect(issuePaths(input)).toContain('name.kk');
  });

  it('accepts texts given in every declared language', () => {
    const all = (en: string): { en: string; ru: string; kk: string } => ({
      en,
      ru: `ru ${en}`,
      kk: `kk ${en}`,
    });
    const input = changed((p) => {
      p.languages = ['en', 'ru', 'kk'];
      p.name = all('Test land');
      p.offenderKinds = p.offenderKinds?.map((k) => ({ ...k, title: all('kind') }));
      p.obligations = p.obligations?.map((o) => ({
        ...o,
        title: all('o'),
        form: { ...o.form, title: all('f') },
      }));
      p.offences = p.offences?.map((o) => ({
        ...o,
        title: all('t'),
        tiers: o.tiers.map((t) => ({ ...t, conduct: all('c') })),
      }));
      p.appeals = p.appeals?.map((a) => ({ ...a, title: all('a') }));
      if (p.fineUnit) p.fineUnit = { ...p.fineUnit, name: all('unit') };
      for (const y of p.calendar?.years ?? []) {
        y.holidays = y.holidays?.map((h) => ({ ...h, name: all(String(h.name)) }));
        y.transfers = y.transfers?.map((t) => (t.note === undefined ? t : { ...t, note: all('draft') }));
      }
    });
    const r = parseRulePack(input, 'test.yaml');
    expect(r.ok ? [] : r.error.details).toEqual([]);
  });

  it('fails when a holiday of the working-day calendar has no name in a declared language', () => {
    const input = changed((p) => {
      p.languages = ['en', 'ru', 'kk'];
      const year = p.calendar?.years?.[0];
      if (year?.holidays?.[0]) year.holidays[0].name = { en: 'New Year', ru: 'Новый год' };
    });
    const paths = issuePaths(input);
    expect(paths).toContain('calendar.years[0].holidays[0].name.kk');
    // A plain string is English alone: it lacks both other languages.
    expect(paths).toContain('calendar.years[0].holidays[1].name');
  });

  it("fails when an unverified rule's note lacks a declared language; a verified rule's note may be English", () => {
    const input = changed((p) => {
      p.languages = ['en', 'ru'];
      Object.assign(p.limitations?.[0] ?? {}, { note: 'derived: research note' });
      Object.assign(p.offences?.[0]?.tiers[2] ?? {}, { note: { en: 'The amount is not found.' } });
    });
    const paths = issuePaths(input);
    expect(paths).toContain('offences[0].tiers[2].note.ru');
    expect(paths).toContain('calendar.years[0].transfers[0].note');
    expect(paths.filter((p) => p.startsWith('limitations[0].note'))).toEqual([]);
  });

  it('gives the note in the language asked for', () => {
    const input = changed((p) => {
      Object.assign(p.offences?.[0]?.tiers[2] ?? {}, {
        note: { en: 'The amount is not found.', ru: 'Размер не найден.' },
      });
    });
    const r = parseRulePack(input, 'test.yaml');
    const note = r.ok ? r.value.offences[0]?.tiers[2]?.note : undefined;
    expect(note && localText(note, 'ru')).toBe('Размер не найден.');
  });
});

describe('each rule carries its source kind', () => {
  it('reads a rule without a source from its verified flag (packs written before source kinds)', () => {
    const input = changed((p) => {
      delete (p.limitations?.[0] as { source?: string }).source;
      delete (p.offences?.[0]?.tiers[2] as { source?: string }).source;
    });
    const r = parseRulePack(input, 'test.yaml');
    expect(r.ok && r.value.limitations[0]?.source).toBe('public-source');
    expect(r.ok && r.value.offences[0]?.tiers[2]?.source).toBe('unconfirmed');
  });

  it('fails on a source outside the four kinds', () => {
    const input = changed((p) => {
      Object.assign(p.limitations?.[0] ?? {}, { source: 'press' });
    });
    expect(issuePaths(input)).toContain('limitations[0].source');
  });

  it('holds verified to the source: unconfirmed is never verified, a confirmed source always is', () => {
    const unconfirmedButVerified = changed((p) => {
      Object.assign(p.limitations?.[0] ?? {}, { source: 'unconfirmed', verified: true });
    });
    expect(issuePaths(unconfirmedButVerified)).toContain('limitations[0].verified');
    const publicButUnverified = changed((p) => {
      Object.assign(p.offences?.[0]?.tiers[0] ?? {}, { source: 'public-source', verified: false });
    });
    expect(issuePaths(publicButUnverified)).toContain('offences[0].tiers[0].verified');
  });
});
