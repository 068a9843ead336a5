// The worker side of bench/support/http-load.ts, plain JavaScript because tsx's loader does not
// reach worker threads (privatenumber/tsx#354). Each message is one load: `clients` loops that send
// the requests in order over keep-alive connections until they run out or `seconds` pass.
// node:http rather than fetch: on a 2-core machine the load generator's CPU is taken from the server
// under test, and fetch's streams cost a third more of it per request.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

const agent = new http.Agent({ keepAlive: true });

function post({ url, token, body }) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

parentPort.on('message', async ({ requests, clients, seconds }) => {
  let next = 0;
  let count = 0;
  let errors = 0;
  let firstError;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline && next < requests.length) {
        try {
          await post(requests[next++]);
          count++;
        } catch (err) {
          errors++;
          firstError ??= err.message;
        }
      }
    }),
  );
  parentPort.postMessage({ started: next, count, errors, firstError, seconds: (performance.now() - start) / 1000 });
});
