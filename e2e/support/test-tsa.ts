import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real RFC 3161 time-stamping authority for tests: Debian's `openssl ts -reply`, with a
 * throwaway CA and a TSA certificate (timeStamping extended key usage) made in a temp dir.
 * `reply` answers a query's DER in process; `listen` serves it over HTTP on the loopback as
 * `application/timestamp-reply`, the way a public authority does.
 */
export interface TestTsa {
  readonly dir: string;
  /** The common name of the TSA's certificate. */
  readonly name: string;
  reply(query: Uint8Array): Promise<Uint8Array>;
  /** Serves POST requests on 127.0.0.1; `hang` never answers (an unreachable authority). */
  listen(options?: {
    hang?: boolean;
  }): Promise<{ url: string; queries: Uint8Array[]; close(): Promise<void> }>;
  remove(): void;
}

const CONFIG = `
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ./serial
crypto_device = builtin
signer_cert = ./tsa.crt
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
other_policies = 1.3.6.1.4.1.99999.2
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
`;

export function makeTestTsa(name = 'Civic Test TSA'): TestTsa {
  const dir = mkdtempSync(join(tmpdir(), 'civic-tsa-'));
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  writeFileSync(join(dir, 'ts.cnf'), CONFIG);
  writeFileSync(join(dir, 'serial'), '01\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/CN=Throwaway CA',
    '-days',
    '2',
  );
  run('req', ...ec, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', `/O=Civic Test/CN=${name}`);
  run(
    'x509',
    '-req',
    '-in',
    'tsa.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tsa.crt',
    '-days',
    '2',
    '-extfile',
    'ts.cnf',
    '-extensions',
    'tsa_ext',
  );
  let n = 0;
  // One `openssl ts -reply` at a time: each reads and rewrites the shared serial file, and two at
  // once (a loaded machine, requests in parallel) can make one answer "rejection" (status 2).
  let queue: Promise<unknown> = Promise.resolve();
  const reply = (query: Uint8Array): Promise<Uint8Array> => {
    const next = queue.then(() => replyNow(query));
    queue = next.catch(() => undefined);
    return next;
  };
  const replyNow = (query: Uint8Array): Promise<Uint8Array> =>
    new Promise((resolve, reject) => {
      n += 1;
      const q = join(dir, `q${n}.tsq`);
      const r = join(dir, `r${n}.tsr`);
      writeFileSync(q, query);
      execFile(
        'openssl',
        ['ts', '-reply', '-config', 'ts.cnf', '-queryfile', q, '-out', r],
        { cwd: dir },
        (e) => {
          if (e) reject(e);
          else resolve(new Uint8Array(readFileSync(r)));
        },
      );
    });
  return {
    dir,
    name,
    reply,
    async listen(options = {}) {
      const queries: Uint8Array[] = [];
      const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = new Uint8Array(Buffer.concat(chunks));
          queries.push(body);
          if (options.hang) return;
          if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query') {
            res.writeHead(400).end();
            return;
          }
          reply(body).then(
            (out) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(out),
            () => res.writeHead(500).end(),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      return {
        url: `http://127.0.0.1:${port}/tsa`,
        queries,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
