import { formatNumber, formatPercent, type Locale } from '@civic/core';

/**
 * A progress bar on standard error when it is a terminal; silent otherwise (pipes, CI, --json
 * consumers read stdout only). Its words are in the person's language and its numbers go through
 * the core formatter (ru «45 % — 450 из 1 000», kk «1 000 ішінен 450»).
 */
export interface Progress {
  update(done: number, total?: number): void;
  finish(): void;
}

/** The words of one kind of progress in each language: its label and what a count without a total counts. */
export interface ProgressWords {
  readonly label: Readonly<Record<Locale, string>>;
  /** Shown before a count with no total yet: ru «прочитано строк», kk «оқылған жолдар». */
  readonly counted?: Readonly<Record<Locale, string>>;
}

/** The progress of `import bank` on a large statement: lines read so far. */
export const importWords = (fileName: string): ProgressWords => ({
  label: { en: `importing ${fileName}`, ru: `импорт ${fileName}`, kk: `${fileName} импорты` },
  counted: { en: '', ru: 'прочитано строк', kk: 'оқылған жолдар' },
});

/** The progress of `incidents import`: records read so far. */
export const INCIDENT_WORDS: ProgressWords = {
  label: { en: 'incidents', ru: 'инциденты', kk: 'оқиғалар' },
  counted: { en: '', ru: 'прочитано записей', kk: 'оқылған жазбалар' },
};

/** The progress of a wave scan: Monte Carlo replicates drawn of all. */
export const REPLICATE_WORDS: ProgressWords = {
  label: { en: 'replicates', ru: 'повторения', kk: 'қайталаулар' },
};

const WIDTH = 30;

/** The text of one update (without the carriage return): the label, the bar and the counts. */
export function progressText(words: ProgressWords, lang: Locale, done: number, total?: number): string {
  const label = words.label[lang];
  const n = formatNumber(lang, done);
  if (!total) {
    const counted = words.counted?.[lang];
    return lang === 'en' || !counted ? `${label}  ${n}` : `${label} — ${counted}: ${n}`;
  }
  const frac = Math.min(1, done / total);
  const bar = `[${'#'.repeat(Math.round(frac * WIDTH)).padEnd(WIDTH, '.')}]`;
  const pct = formatPercent(lang, Math.round(frac * 100), 0);
  const all = formatNumber(lang, total);
  switch (lang) {
    case 'en':
      return `${label} ${bar} ${pct} ${n}/${all}`;
    case 'ru':
      return `${label} ${bar} ${pct} — ${n} из ${all}`;
    case 'kk':
      return `${label} ${bar} ${pct} — ${all} ішінен ${n}`;
  }
}

export function progressBar(
  words: ProgressWords,
  lang: Locale,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stream.write(`\r${progressText(words, lang, done, total)}`);
    },
    finish() {
      stream.write('\n');
    },
  };
}
