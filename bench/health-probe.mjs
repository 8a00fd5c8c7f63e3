// The abuse bench's health probe, in a process of its own (started by bench/abuse.bench.ts with an
// IPC channel): reads GET /api/v1/health every 20 ms, one fresh connection each, until the parent
// sends "stop"; then sends back the latencies (ms) of the 200 answers and the number of failures.
// A process apart from the attacker's, so that the attacker building and writing 24 MB bodies
// never delays a probe and counts as the server's latency.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const port = Number(process.argv[2]);
const ms = [];
let failed = 0;
let running = true;
process.on('message', () => {
  running = false;
});
const once = () =>
  new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) ms.push(performance.now() - t0);
        else failed++;
        resolve();
      });
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
  });
process.send?.('ready');
while (running) {
  await once();
  await new Promise((r) => setTimeout(r, 20));
}
process.send?.({ ms, failed }, () => process.disconnect());
