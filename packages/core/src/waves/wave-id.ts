import type { CalendarDate } from '../calendar-date.ts';
import type { WaveZone } from './wave-zones.ts';

/**
 * A wave's id, stable across runs: its dates and its category, readable in a URL or on a command
 * line, e.g. `w-20201026-20201130-notice-coao-460-1` or `w-20210115-20210125-family-sanction`.
 * A category with letters outside a–z keeps a short hash of its key so ids never collide.
 */
export function waveId(zone: WaveZone, from: CalendarDate, to: CalendarDate): string {
  const described = zone.key
    .replace(/action=/g, '')
    .replace(/family=/g, 'family-')
    .replace(/basis=/g, '');
  const ascii = described
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const lossless = /^[\x20-\x7e]*$/.test(zone.key);
  const slug = lossless ? ascii : `${ascii}${ascii ? '-' : ''}${fnv1a(zone.key)}`;
  return `w-${from.replace(/-/g, '')}-${to.replace(/-/g, '')}-${slug}`;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
