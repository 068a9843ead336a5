// HTTP load from a worker thread (http-load-worker.mjs). The clients' loops run on their own
// event loop, as a load generator on another machine would, so the server's event loop serves
// requests and nothing else.
import { Worker } from 'node:worker_threads';

/** One request: a POST of body to url as the token's holder; any status but 200 is an error. */
export interface LoadRequest {
  url: string;
  token: string;
  body: string;
}

export interface LoadResult {
  /** Requests sent (answered or failed): the next request to send is requests[started]. */
  started: number;
  count: number;
  errors: number;
  firstError?: string;
  seconds: number;
}

/** A worker that runs one load at a time: `clients` keep-alive loops for up to `seconds`. */
export function startHttpLoad() {
  const worker = new Worker(new URL('./http-load-worker.mjs', import.meta.url));
  return {
    run: (requests: LoadRequest[], clients: number, seconds: number) =>
      new Promise<LoadResult>((resolve, reject) => {
        const done = (result: LoadResult) => {
          worker.off('error', reject);
          resolve(result);
        };
        worker.once('message', done);
        worker.once('error', reject);
        worker.postMessage({ requests, clients, seconds });
      }),
    close: () => worker.terminate(),
  };
}
