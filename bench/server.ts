/**
 * Bounded load test of the feed server: autocannon for 10 s with 50 connections against
 * 127.0.0.1 only, on the example schedule; prints requests/s and p99 latency and fails on any
 * error or non-2xx/304 response.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { createFeedHandler } from "../src/server/index";

const file = process.argv[2] ?? "examples/lang-son-2024.yaml";
const handler = createFeedHandler({ file, watch: false, stamp: 0 });
const server = createServer(handler);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 50,
  duration: 10,
  requests: [
    { method: "GET", path: "/all.ics" },
    { method: "GET", path: "/person/doan-thi-hau.ics" },
    { method: "GET", path: "/conflicts.ics" },
  ],
});
server.close();
handler.close();

const bad = result.errors + result.timeouts + result.non2xx;
console.log(
  `feed server (${file}): ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ` +
    `${result.requests.total} requests, ${(result.throughput.average / 1e6).toFixed(1)} MB/s, ` +
    `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
);
if (bad > 0) process.exitCode = 1;
