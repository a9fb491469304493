// Wall time of `lichhop check` on the bundled example, Node start-up included: many spawns,
// alternating with a bare `node -e 0` so that load from other processes hits both alike.
// Run `npm run build` first.
//
//   node scripts/time-cli.mjs [runs] [-- arguments for dist/cli.js]
//   node scripts/time-cli.mjs 30 -- --version
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const dash = process.argv.indexOf("--");
const runs = Number(process.argv[2] !== undefined && process.argv[2] !== "--" ? process.argv[2] : 20);
const args = dash >= 0 ? process.argv.slice(dash + 1) : ["check", "examples/lang-son-2024.yaml", "--fail-on", "never"];
const commands = [
  { name: "node -e 0", argv: ["-e", "0"] },
  { name: `lichhop ${args.join(" ")}`, argv: ["dist/cli.js", ...args] },
];

const spawn = (argv) => execFileSync(process.execPath, argv, { stdio: "ignore" });
for (const { argv } of commands) for (let i = 0; i < 3; i++) spawn(argv); // warm the file cache
const times = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  commands.forEach(({ argv }, j) => {
    const start = performance.now();
    spawn(argv);
    times[j].push(performance.now() - start);
  });
}

commands.forEach(({ name }, j) => {
  const sorted = times[j].sort((a, b) => a - b);
  const at = (q) => sorted[Math.round(q * (sorted.length - 1))].toFixed(1);
  console.log(`${name}\n  median ${at(0.5)} ms  (min ${at(0)}, p25 ${at(0.25)}, p75 ${at(0.75)}, max ${at(1)}; ${runs} runs)`);
});
