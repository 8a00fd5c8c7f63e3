import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../cli-program.ts';
import { runInProcess } from '../../run-in-process.ts';
import { HELP_DESCRIPTIONS, PLACEHOLDER_WORDS } from './help-words.ts';
import { localiseUsageError } from './usage-error.ts';

// Real parts: the whole `civic` program as main.ts builds it (every registered command), run in
// this process with its help and commander's own usage errors.

const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };

/** Every command under the program, the program first. */
function commands(c: Command = createProgram()): Command[] {
  return [c, ...c.commands.flatMap((s) => commands(s))];
}

/** What a person types and what may therefore stay in Latin letters: command and option names. */
const NAMES = new Set(
  commands().flatMap((c) => [
    c.name(),
    ...c.options.flatMap((o) => [o.long, o.short].filter((n): n is string => n !== undefined)),
  ]),
);
NAMES.add('--help');
NAMES.add('-h');
NAMES.add('help');

/**
 * Latin words of a help or an error line beyond the names: environment variables and language codes
 * (ru, kk, en: the values `--lang` takes), and the proper names of the product, formats and tools.
 */
function english(text: string): string[] {
  return (text.match(/-{0,2}[A-Za-z0-9][\w./:*-]*/g) ?? [])
    .map((w) => w.replace(/[-.:]+$/, ''))
    .filter(
      (w) =>
        !NAMES.has(w) &&
        !/\d|\//.test(w) && // 1c, F.018.00, docs/formats.md, postgres://
        !proper.has(w) &&
        !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(w) && // CIVIC_LANG, LANG, JSON, PDF
        !/^(ru|kk)_\*$/.test(w),
    );
}

/** Proper names: the product, formats and tools, and the values options take as typed (csv, postgres://). */
const proper = new Set(
  'CivicLedger SQLite PostgreSQL Atom iCalendar age ru kk en N postgres csv json md html pdf xlsx docx ics'.split(
    ' ',
  ),
);

describe('the help catalogue', () => {
  it('has Russian and Kazakh text for every description of every command, option and argument', () => {
    const missing: string[] = [];
    for (const c of commands()) {
      const texts = [
        c.description(),
        ...c.options.map((o) => o.description),
        ...c.registeredArguments.map((a) => a.description),
      ].filter((d) => d !== '');
      for (const lang of ['ru', 'kk'] as const)
        for (const d of texts) if (!HELP_DESCRIPTIONS[lang][d]?.trim()) missing.push(`${lang}: ${d}`);
    }
    expect(missing).toEqual([]);
    expect(commands().length).toBeGreaterThan(80);
  });

  it('names in Russian and Kazakh every word of every placeholder (<db>, <file>, [options])', () => {
    const missing: string[] = [];
    for (const c of commands()) {
      const synopses = [
        ...c.options.map((o) => o.flags),
        ...c.registeredArguments.map((a) => `<${a.name()}>`),
      ];
      for (const s of synopses)
        for (const [, inner = ''] of s.matchAll(/[<[]([^>\]]*)[>\]]/g))
          for (const w of inner.match(/[A-Za-z]+/g) ?? [])
            for (const lang of ['ru', 'kk'] as const)
              if (!PLACEHOLDER_WORDS[lang][w.toLowerCase()]) missing.push(`${lang}: ${w} in ${s}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('civic --help and usage errors in the chosen language', () => {
  it.each([
    ['ru', 'Использование:', 'Параметры:', 'Команды:', 'показать справку по команде'],
    ['kk', 'Қолданылуы:', 'Параметрлер:', 'Командалар:', 'команда бойынша анықтаманы көрсету'],
  ] as const)('civic --help in %s: its titles and descriptions, no English word', async (lang, ...words) => {
    const r = await runInProcess(['--help'], { ...NO_LANG, CIVIC_LANG: lang });
    expect(r.code).toBe(0);
    for (const w of words) expect(r.stdout).toContain(w);
    expect(english(r.stdout)).toEqual([]);
  });

  it('a command help in Kazakh, chosen by LANG: arguments, options, placeholders', async () => {
    const r = await runInProcess(['import', 'bank', '--help'], { ...NO_LANG, LANG: 'kk_KZ.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Қолданылуы: civic import bank [параметрлер] <файл>');
    expect(r.stdout).toContain('Аргументтер:');
    expect(r.stdout).toContain('--db <дқ>');
    expect(r.stdout).toContain('үзінді файлы');
    expect(english(r.stdout)).toEqual([]);
  });

  it.each([
    ['ru', 'ошибка: неизвестный параметр «--bogus»', '(Возможно, имелось в виду'],
    ['kk', 'қате: «--bogus» параметрі белгісіз', '(Мүмкін, мұны айтқыңыз келді'],
  ] as const)('an unknown option in %s: the same exit code as in English', async (lang, line, hint) => {
    const args = ['rules', 'list', '--bogus'];
    const en = await runInProcess(args, { ...NO_LANG, CIVIC_LANG: 'en' });
    expect(en.stderr).toContain("error: unknown option '--bogus'");
    const r = await runInProcess(args, { ...NO_LANG, CIVIC_LANG: lang });
    expect(r.code).toBe(en.code);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(line);
    expect(english(r.stderr.replace(/«--bogus»/g, ''))).toEqual([]);
    const typo = await runInProcess(['rules', 'list', '--jsn', '--lang', lang], NO_LANG);
    expect(typo.stderr).toContain(`${hint}: --json?)`);
  });

  it.each([
    [['import', 'bank', '--db', 'x.db'], 'ru', 'ошибка: не указан обязательный аргумент «файл»'],
    [['obligations', '--db'], 'ru', 'ошибка: у параметра «--db <бд>» нет значения'],
    [['rules', 'list', 'a'], 'kk', 'қате: «list» командасының аргументтері тым көп: 0 күтілді, 1 берілді'],
    [['impotr'], 'kk', 'қате: «impotr» командасы белгісіз'],
    [['filing', 'show', '--db', 'x.db'], 'ru', 'ошибка: не указан обязательный параметр «--filing <ид>»'],
  ] as const)('%j in %s', async (args, lang, line) => {
    const r = await runInProcess([...args], { ...NO_LANG, CIVIC_LANG: lang });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(line);
    expect(english(r.stderr.replace(/«impotr»/g, ''))).toEqual([]);
  });

  it('English stays commander’s own', async () => {
    const r = await runInProcess(['--help'], NO_LANG);
    expect(r.stdout).toContain('Usage: civic [options] [command]');
    expect(r.stdout).toContain('display help for command');
  });
});

describe('localiseUsageError', () => {
  it.each([
    [
      "error: option '--days <n>' argument 'x' is invalid. Not a number.",
      'commander.invalidArgument',
      'ошибка: недопустимое значение «x» у «--days <н>»',
    ],
    [
      "error: command-argument value 'x' is invalid for argument 'file'. Not a file.",
      'commander.invalidArgument',
      'ошибка: недопустимое значение «x» у «файл»',
    ],
    [
      "error: option '--a' cannot be used with option '--b'",
      'commander.conflictingOption',
      'ошибка: параметр «--a» нельзя указывать вместе с «--b»',
    ],
    ['error: something new', 'commander.somethingNew', 'error: something new'],
  ])('%s → %s', (message, code, ru) => {
    expect(localiseUsageError(message, code, 'ru')).toBe(ru);
    expect(localiseUsageError(message, code, 'en')).toBe(message);
  });
});
