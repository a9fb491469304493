// The part of autocannon 8's API that bench/server.ts uses (the package ships no types).
declare module "autocannon" {
  interface Stats {
    readonly average: number;
    readonly total: number;
    readonly p99: number;
  }
  interface Result {
    readonly requests: Stats;
    readonly latency: Stats;
    readonly throughput: Stats;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    requests?: { method?: string; path?: string; headers?: Record<string, string> }[];
    headers?: Record<string, string>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
