import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The built CLI: tests run what users run. */
export const CLI = join(__dirname, "../../dist/cli.js");

/** The environment the CLI runs in: the test's, without a colour setting of the machine's. */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined };

/** Runs the built CLI and returns its exit code (null for a signal) and output. */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = CLI_ENV,
): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a file in a new temporary folder and returns its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "lichhop-test-")), name);
  writeFileSync(path, text);
  return path;
}

/** The `errors` of the JSON error document `--format json` prints with exit 2. */
export function jsonErrors(
  stdout: string,
): { code: string; message: string; file: string | null; line: number | null; column: number | null; path: string }[] {
  return (JSON.parse(stdout) as { errors: never[] }).errors;
}
