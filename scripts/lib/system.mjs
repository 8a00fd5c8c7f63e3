// Installs Debian packages the project needs when their program is missing (as root, with apt-get),
// and says what it did. Used by `npm test` and `npm run bench`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function has(bin) {
  if (bin.startsWith('/')) return existsSync(bin);
  return spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
}

export function ensureDebianPackages(needs, say) {
  const missing = needs.filter((n) => !has(n.bin));
  if (missing.length === 0) {
    say(`found ${needs.map((n) => n.pkg).join(', ')} already installed`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing ${missing.map((m) => m.pkg).join(', ')}: install them with apt-get (needs root)`,
    );
  }
  for (const m of missing) say(`installing Debian package ${m.pkg}: ${m.why}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  const r = spawnSync(
    'apt-get',
    ['install', '-y', '-q', '--no-install-recommends', ...missing.map((m) => m.pkg)],
    { stdio: 'inherit', env },
  );
  if (r.status !== 0) throw new Error(`apt-get install ${missing.map((m) => m.pkg).join(' ')} failed`);
  const still = missing.filter((n) => !has(n.bin));
  if (still.length > 0)
    throw new Error(`after apt-get, still missing: ${still.map((s) => s.bin).join(', ')}`);
}
