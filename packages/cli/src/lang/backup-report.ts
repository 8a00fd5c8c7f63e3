import type { Locale } from '@civic/core';
import { phrase } from './phrase.ts';

const WORDS = {
  keyWritten: {
    en: 'wrote the secret key to {file:text} (keep it apart from the backups); the public key, for --recipient:',
    ru: 'секретный ключ записан в {file:text} (храните его отдельно от резервных копий); открытый ключ для --recipient:',
    kk: 'құпия кілт {file:text} файлына жазылды (оны сақтық көшірмелерден бөлек сақтаңыз); --recipient үшін ашық кілт:',
  },
} as const;

/**
 * `civic backup keygen` on standard error: where the secret key went, in the language. Standard
 * output keeps the bare public key (age1…), as `age-keygen` does, for the scripts that read it.
 */
export function keyWrittenNote(file: string, lang: Locale): string {
  return `${phrase(WORDS.keyWritten, lang, { file })}\n`;
}
