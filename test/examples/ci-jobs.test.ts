import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers/ci";

const read = (name: string) => parse(readFileSync(join(ROOT, "examples/ci", name), "utf8"));

describe("the CI examples", () => {
  it("the GitHub workflow fetches the base and writes annotations", () => {
    const workflow = read("github-actions.yml");
    const steps = workflow.jobs.check.steps as { uses?: string; with?: Record<string, unknown>; run?: string }[];
    expect(steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    const run = steps.map((s) => s.run ?? "").join("\n");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(run).toContain('--base-ref "origin/${{ github.base_ref }}"');
    expect(run).toContain("--format github");
    expect(run).toContain("--format sarif");
  });

  it("the GitLab job writes a JUnit report kept on failure", () => {
    const job = read("gitlab-ci.yml").lichhop;
    expect(job.variables.GIT_DEPTH).toBe("0");
    expect(job.script.join("\n")).toMatch(/--base-ref "origin\/\$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"[\s\S]*--format junit/);
    expect(job.artifacts).toEqual({ when: "always", reports: { junit: "lichhop-junit.xml" } });
  });
});
