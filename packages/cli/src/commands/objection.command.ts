import type { Command } from 'commander';

/** `civic case objection` (drafted from the case; DOCX or PDF in ru, kk or en). */
export function registerObjection(_kase: Command): void {}
