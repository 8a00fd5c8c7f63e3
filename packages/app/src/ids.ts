import { randomUUID } from 'node:crypto';

/** A new opaque id with a readable prefix, e.g. `rcp_0b6f…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}
