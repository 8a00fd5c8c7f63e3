import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's `rules/` folder: `CIVIC_RULES_DIR` when set, else found by walking up from this
 * package (app/src/rules → the repository root), so it works from the sources and from any cwd.
 */
export function rulesDir(): string {
  const fromEnv = process.env['CIVIC_RULES_DIR'];
  if (fromEnv) return resolve(fromEnv);
  found ??= findRulesDir();
  return found;
}

/**
 * The folder found by walking up, kept for the process: the walk costs a few file-system calls,
 * and the server asks for every ledger and obligations request (which pack serves the
 * organisation's country), where it was a tenth of the CPU. The sources do not move while running.
 */
let found: string | undefined;

function findRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'rules');
    if (
      existsSync(join(candidate, 'kz.yaml')) ||
      (existsSync(candidate) && existsSync(join(dir, 'packages')))
    )
      return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../rules');
}
