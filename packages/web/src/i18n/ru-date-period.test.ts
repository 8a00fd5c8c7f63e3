import { describe, expect, it } from 'vitest';
import { formatDate } from './format.ts';
import { ru } from './ru.ts';

// A Russian date in words ends with «г.», which also ends the sentence: a message that puts its
// own period right after a date prints «Сегодня 7 декабря 2026 г..».
describe('Russian messages around a date', () => {
  it('never put a period right after a date placeholder', () => {
    expect(formatDate('ru', '2026-12-07')).toBe('7 декабря 2026 г.');
    const doubled = Object.entries(ru)
      .filter(([, text]) => typeof text === 'string' && /\{date\}\./.test(text))
      .map(([key]) => key);
    expect(doubled).toEqual([]);
  });
});
