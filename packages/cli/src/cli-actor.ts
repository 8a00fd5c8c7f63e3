import { userInfo } from 'node:os';
import type { Actor } from '@civic/app';

/** The global `--actor NAME`, set once by the CLI before a command runs. */
let actorName: string | undefined;

export function setCliActorName(name: string | undefined): void {
  actorName = name?.trim() || undefined;
}

/** The operating-system user running the command (the actor when `--actor` is not given). */
function osUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'cli';
  }
}

/**
 * Who makes the changes of this command, for the audit trail: `--actor NAME`, else the
 * operating-system user; always `channel: cli` (the server's changes are `channel: web`).
 */
export function cliActor(): Actor {
  return { userId: null, label: actorName ?? osUser(), channel: 'cli' };
}
