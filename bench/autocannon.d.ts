// The part of autocannon's API the benches use (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    overallRate?: number;
    duration?: number;
    workers?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }[];
  }
  interface Histogram {
    p50: number;
    p99: number;
    p97_5: number;
    average: number;
    max: number;
  }
  interface Result {
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: Histogram & { total: number };
  }
  /** The running load: awaitable for its result; `response` fires per answer (status, bytes, ms). */
  interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
