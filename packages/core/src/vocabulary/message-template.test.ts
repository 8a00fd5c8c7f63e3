import { describe, expect, it } from 'vitest';
import { renderMessage } from './message-template.ts';

describe('renderMessage', () => {
  it('ends a Russian sentence on a date with one full stop, not «г..»', () => {
    const t = { en: 'Due by {d}.', ru: 'Подать до {d}.', kk: '{d} дейін беру керек.' };
    expect(renderMessage(t, 'ru', { d: '2021-01-25' })).toBe('Подать до 25 января 2021 г.');
    expect(renderMessage(t, 'kk', { d: '2021-01-25' })).toBe('2021 жылғы 25 қаңтар дейін беру керек.');
    expect(renderMessage({ ...t, ru: 'Итак… {d}...' }, 'ru', { d: 'x' })).toBe('Итак… x...');
  });
});
