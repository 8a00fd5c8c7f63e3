import { randomBytes } from 'node:crypto';

let last = 0;
let counter = 0;

/**
 * An audit event id that sorts by time: `aud_` + milliseconds (11 base-36 digits) + a counter
 * within the millisecond + random. Listing by id is listing by time, which the `before` cursor uses.
 */
export function auditId(at: Date): string {
  const ms = at.getTime();
  counter = ms === last ? counter + 1 : 0;
  last = ms;
  return `aud_${ms.toString(36).padStart(11, '0')}${counter.toString(36).padStart(4, '0')}${randomBytes(6).toString('hex')}`;
}
