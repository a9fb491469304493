import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// Slow on purpose (it spawns the built CLI): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

// Runs the built CLI (npm test builds it first): the bundle, not the sources, is what ships.
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8", env: { ...process.env, ...env } });

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "lichhop-ics-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("lichhop ics", () => {
  it("writes every feed, lists them, and gives byte-identical files under SOURCE_DATE_EPOCH", () => {
    const [a, b] = [fresh(), fresh()];
    const first = run(["ics", "examples/lang-son-2024.yaml", "--out", a], { SOURCE_DATE_EPOCH: "1704067200" });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(join(a, "all.ics"));
    expect(first.stdout).toContain(join(a, "conflicts.ics"));
    run(["ics", "examples/lang-son-2024.yaml", "--out", b], { SOURCE_DATE_EPOCH: "1704067200" });
    for (const sub of ["", "body", "person", "room"]) {
      for (const name of readdirSync(join(a, sub)).filter((n) => n.endsWith(".ics"))) {
        expect(readFileSync(join(b, sub, name), "utf8"), name).toBe(readFileSync(join(a, sub, name), "utf8"));
      }
    }
    expect(readFileSync(join(a, "all.ics"), "utf8")).toContain("DTSTAMP:20240101T000000Z");
    expect(readdirSync(join(a, "person"))).toContain("doan-thi-hau.ics");
  });

  it("writes one VEVENT per occurrence with --expand and uses --uid-domain", () => {
    const dir = fresh();
    const res = run(["ics", "examples/lang-son-2024.yaml", "--out", dir, "--expand", "--uid-domain", "hdnd.langson.gov.vn"]);
    expect(res.status, res.stderr).toBe(0);
    const all = readFileSync(join(dir, "all.ics"), "utf8");
    expect(all).toContain("UID:tt-hdnd-thuong-ky-20240104T0800@hdnd.langson.gov.vn");
    expect(all).not.toContain("RRULE:");
  });

  it("leaves conflict notes out of the meeting feeds with --no-conflict-notes, not out of conflicts.ics", () => {
    const [a, b] = [fresh(), fresh()];
    const env = { SOURCE_DATE_EPOCH: "1704067200" };
    expect(run(["ics", "examples/lang-son-2024.yaml", "--out", a], env).status).toBe(0);
    const res = run(["ics", "examples/lang-son-2024.yaml", "--out", b, "--no-conflict-notes"], env);
    expect(res.status, res.stderr).toBe(0);
    const unfolded = (dir: string, path: string) => readFileSync(join(dir, path), "utf8").replace(/\r\n[ \t]/g, "");
    expect(unfolded(a, "person/doan-thi-hau.ics")).toContain("⚠ Trùng lịch:\\n- ");
    expect(unfolded(b, "person/doan-thi-hau.ics")).not.toContain("⚠ Trùng lịch:\\n- ");
    expect(unfolded(b, "all.ics")).not.toContain("⚠ Trùng lịch:\\n- ");
    expect(unfolded(b, "conflicts.ics")).toBe(unfolded(a, "conflicts.ics"));
  });

  it.each([
    [["ics", "examples/lang-son-2024.yaml"], "--out"],
    [["ics", "examples/lang-son-2024.yaml", "--out", "x", "--uid-domain", "a b"], "--uid-domain"],
    [["ics", "no-such-file.yaml", "--out", "x"], "no-such-file.yaml"],
    [["serve", "examples/lang-son-2024.yaml", "--port", "99999"], "--port"],
  ])("exits 2 on %j", (args, message) => {
    const res = run(args as string[]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(message);
  });
});
