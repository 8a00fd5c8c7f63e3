import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Asks for a secret on the terminal without echoing it; the answer as bytes (never logged). */
export function promptSecret(question: string): Promise<Buffer> {
  process.stderr.write(question);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(Buffer.from(answer, 'utf8'));
    });
  });
}
