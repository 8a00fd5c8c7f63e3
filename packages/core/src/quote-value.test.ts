import { describe, expect, it } from 'vitest';
import { capMessage, quoteValue } from './quote-value.ts';
import { domainError } from './result.ts';

describe('quoteValue and capMessage', () => {
  it('keeps a short value and cuts a long one at 80 characters, saying how long it was', () => {
    expect(quoteValue('USD')).toBe('USD');
    expect(quoteValue('x'.repeat(80))).toBe('x'.repeat(80));
    expect(quoteValue('x'.repeat(2_000_000))).toBe(`${'x'.repeat(80)}… (2000000 characters)`);
  });

  it('counts characters, not UTF-16 units, and never splits one', () => {
    const v = '😀'.repeat(100);
    expect(quoteValue(v)).toBe(`${'😀'.repeat(80)}… (100 characters)`);
  });

  it('shows control characters escaped, so a message stays on one line', () => {
    expect(quoteValue('a\nb\u0000')).toBe('a\\u000ab\\u0000');
  });

  it('caps every quoted value in a message once, and a capped message stays as it is', () => {
    const long = 'z'.repeat(5000);
    const once = capMessage(`date "${long}" and name «${long}» are bad`);
    expect(once).toBe(`date "${quoteValue(long)}" and name «${quoteValue(long)}» are bad`);
    expect(capMessage(once)).toBe(once);
    expect(capMessage(`unquoted ${long}`).length).toBeLessThan(1100);
    // The text between two short quoted values is not a value.
    const between = `field "a" then ${'words '.repeat(30)}and "b"`;
    expect(capMessage(between)).toBe(between);
  });

  it('domainError caps the message and a field named after input', () => {
    const e = domainError('X', `bad "${'q'.repeat(100_000)}"`, { field: 'f'.repeat(100_000), line: 3 });
    expect(e.message.length).toBeLessThan(200);
    expect(e.field).toBe(quoteValue('f'.repeat(100_000)));
    expect(e.line).toBe(3);
  });
});
