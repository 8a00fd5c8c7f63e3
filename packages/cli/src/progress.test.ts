import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importWords, INCIDENT_WORDS, progressBar, progressText, REPLICATE_WORDS } from './progress.ts';

const NBSP = '\u00a0';

describe('the progress line in the person’s language', () => {
  it('counts lines of a statement without a total: ru and kk words, the formatter’s grouping', () => {
    expect(progressText(importWords('big.txt'), 'ru', 120_000)).toBe(
      `импорт big.txt — прочитано строк: 120${NBSP}000`,
    );
    expect(progressText(importWords('big.txt'), 'kk', 1_234_567)).toBe(
      `big.txt импорты — оқылған жолдар: 1${NBSP}234${NBSP}567`,
    );
    expect(progressText(importWords('big.txt'), 'en', 120_000)).toBe('importing big.txt  120,000');
    expect(progressText(INCIDENT_WORDS, 'ru', 5000)).toBe(`инциденты — прочитано записей: 5${NBSP}000`);
  });

  it('draws the bar with the percentage and done of all', () => {
    const bar = `[${'#'.repeat(15)}${'.'.repeat(15)}]`;
    expect(progressText(REPLICATE_WORDS, 'ru', 500, 1000)).toBe(
      `повторения ${bar} 50${NBSP}% — 500 из 1${NBSP}000`,
    );
    expect(progressText(REPLICATE_WORDS, 'kk', 500, 1000)).toBe(
      `қайталаулар ${bar} 50${NBSP}% — 1${NBSP}000 ішінен 500`,
    );
    expect(progressText(REPLICATE_WORDS, 'en', 500, 1000)).toBe(`replicates ${bar} 50% 500/1,000`);
  });

  it('writes on a terminal only', () => {
    const written: string[] = [];
    const tty = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
    tty.on('data', (c: Buffer) => written.push(c.toString('utf8')));
    const bar = progressBar(importWords('a.txt'), 'kk', tty);
    bar.update(10_000);
    bar.finish();
    expect(written.join('')).toBe(`\ra.txt импорты — оқылған жолдар: 10${NBSP}000\n`);
    const pipe = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let piped = '';
    pipe.on('data', (c: Buffer) => (piped += c.toString('utf8')));
    const silent = progressBar(importWords('a.txt'), 'kk', pipe);
    silent.update(10_000);
    silent.finish();
    expect(piped).toBe('');
  });
});
