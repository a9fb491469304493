// `serve` watched only the directory of the path it was given, so a swap of a symlink's target
// elsewhere (`ln -sfn v2/lich.yaml current`, a Kubernetes ConfigMap's `..data` rename) went
// unseen and the old feeds were served for ever. It now also polls the resolved target and
// watches the target's directory.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inProcessHandler, listen } from "../helpers/server";

// Slow on purpose (it spawns the built CLI or workers on hostile input): a longer timeout for this file alone.
vi.setConfig({ testTimeout: 60_000 });

const EXAMPLE = readFileSync("examples/lang-son-2024.yaml", "utf8");
const version = (tag: string) => EXAMPLE.replace("Phiên họp UBND tỉnh thường kỳ", `Phiên họp UBND tỉnh thường kỳ (${tag})`);
/** `ln -sfn target link`: a new symlink renamed over the old one, so the link never disappears. */
const lnSfn = (target: string, link: string) => {
  symlinkSync(target, `${link}.tmp`);
  renameSync(`${link}.tmp`, link);
};
const POLL = 50;
const SEEN = { timeout: 10_000, interval: 25 };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lichhop-symlink-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a served path that is a symlink", () => {
  it("serves the new target after `ln -sfn` swaps the link to another directory", async () => {
    const root = join(dir, "ln");
    for (const v of ["v1", "v2"]) {
      mkdirSync(join(root, v), { recursive: true });
      writeFileSync(join(root, v, "lich.yaml"), version(v));
    }
    symlinkSync("v1/lich.yaml", join(root, "current"));
    const handler = inProcessHandler({ file: join(root, "current"), pollInterval: POLL });
    const { base, stop } = await listen(handler);
    try {
      expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(v1)");
      lnSfn("v2/lich.yaml", join(root, "current"));
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(v2)"), SEEN);
      // The new target's own directory is followed too: an edit in place is served.
      writeFileSync(join(root, "v2", "lich.yaml"), version("v2 edited"));
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(v2 edited)"), SEEN);
      // And back: the link may point into a directory seen before.
      lnSfn("v1/lich.yaml", join(root, "current"));
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(v1)"), SEEN);
      expect(handler.state().error).toBeUndefined();
    } finally {
      await stop();
    }
  });

  it("serves a Kubernetes ConfigMap update (lich.yaml -> ..data/lich.yaml, ..data -> ..<timestamp>)", async () => {
    const root = join(dir, "configmap");
    mkdirSync(join(root, "..2024_01"), { recursive: true });
    writeFileSync(join(root, "..2024_01", "lich.yaml"), version("first"));
    symlinkSync("..2024_01", join(root, "..data"));
    symlinkSync("..data/lich.yaml", join(root, "lich.yaml"));
    const handler = inProcessHandler({ file: join(root, "lich.yaml"), pollInterval: POLL });
    const { base, stop } = await listen(handler);
    try {
      expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(first)");
      // What the kubelet does: a new timestamped directory, `..data_tmp` renamed over `..data`,
      // and the old directory removed.
      for (const [stamp, previous, tag] of [
        ["..2024_02", "..2024_01", "second"],
        ["..2024_03", "..2024_02", "third"],
      ] as const) {
        mkdirSync(join(root, stamp));
        writeFileSync(join(root, stamp, "lich.yaml"), version(tag));
        symlinkSync(stamp, join(root, "..data_tmp"));
        renameSync(join(root, "..data_tmp"), join(root, "..data"));
        rmSync(join(root, previous), { recursive: true });
        await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain(`(${tag})`), SEEN);
      }
      expect(handler.state().error).toBeUndefined();
    } finally {
      await stop();
    }
  });

  it("shows an error when the link dangles, and serves the file once the link is mended", async () => {
    const root = join(dir, "dangling");
    mkdirSync(join(root, "v1"), { recursive: true });
    writeFileSync(join(root, "v1", "lich.yaml"), version("v1"));
    symlinkSync("v1/lich.yaml", join(root, "current"));
    const handler = inProcessHandler({ file: join(root, "current"), pollInterval: POLL });
    const { base, stop } = await listen(handler);
    try {
      lnSfn("missing/lich.yaml", join(root, "current"));
      await vi.waitFor(() => expect(handler.state().error).toMatch(/Không đọc được .*tệp không tồn tại/), SEEN);
      expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(v1)");
      mkdirSync(join(root, "missing"));
      writeFileSync(join(root, "missing", "lich.yaml"), version("mended"));
      await vi.waitFor(async () => expect(await (await fetch(`${base}/all.ics`)).text()).toContain("(mended)"), SEEN);
      expect(handler.state().error).toBeUndefined();
    } finally {
      await stop();
    }
  });
});
