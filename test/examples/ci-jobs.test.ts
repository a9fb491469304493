import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMAND_HELP } from "../../src/cli/help";
import { ROOT } from "../helpers/ci";

const read = (name: string) => parse(readFileSync(join(ROOT, "examples/ci", name), "utf8"));

interface Step {
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly run?: string;
  readonly if?: string;
}

/** The lichhop command lines in a shell text: `npx --yes lichhop@0 check …` up to the line's end. */
function lichhopCommands(shell: string): string[][] {
  return shell
    .split("\n")
    .join(" ")
    .split(/&&|;|\|/)
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words.some((word) => /^lichhop(@\d+)?$/.test(word)))
    .map((words) => words.slice(words.findIndex((word) => /^lichhop(@\d+)?$/.test(word)) + 1));
}

/** Every option of a command line is one the command takes, with a value where it needs one. */
function expectRunnable(args: readonly string[]): void {
  const [command, ...rest] = args;
  const help = COMMAND_HELP[command ?? ""];
  expect(help, `lichhop ${command}`).toBeDefined();
  for (const [k, word] of rest.entries()) {
    if (!word.startsWith("--")) continue;
    expect(help?.options, `lichhop ${command} ${word}`).toContain(word.slice(2));
    if (word === "--format")
      expect(command === "check" ? ["text", "json", "github", "junit", "sarif"] : ["text", "json"]).toContain(rest[k + 1]);
  }
}

/** Action majors whose runtime is Node 20, which GitHub's runners no longer run. */
const NODE20_ACTIONS = /^(actions\/checkout@v[1-4]|actions\/setup-node@v[1-4]|github\/codeql-action\/[a-z-]+@v[1-3])$/;

describe("the GitHub Actions example", () => {
  const workflow = read("github-actions.yml");
  const jobs = workflow.jobs as Record<string, { if?: string; steps: Step[]; permissions?: Record<string, string> }>;
  const steps = Object.values(jobs).flatMap((job) => job.steps);

  it("uses current action majors and a supported Node", () => {
    for (const step of steps.filter((s) => s.uses)) expect(step.uses).not.toMatch(NODE20_ACTIONS);
    for (const step of steps.filter((s) => s.uses?.startsWith("actions/setup-node"))) {
      expect(Number(step.with?.["node-version"])).toBeGreaterThanOrEqual(22);
    }
  });

  it("annotates the diff on pull requests, with the base branch's history", () => {
    const job = jobs["pull-request"];
    expect(job?.if).toBe("github.event_name == 'pull_request'");
    expect(job?.steps.find((s) => s.uses?.startsWith("actions/checkout"))?.with?.["fetch-depth"]).toBe(0);
    const run = job?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(run).toContain('--base-ref "origin/${{ github.base_ref }}"');
    expect(run).toContain("--format github");
    expect(job?.steps.some((s) => s.uses?.includes("upload-sarif"))).toBe(false);
  });

  it("uploads a full SARIF (no base) on pushes to the default branch only", () => {
    const job = jobs["default-branch"];
    expect(job?.if).toBe("github.event_name == 'push'");
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(job?.permissions?.["security-events"]).toBe("write");
    const run = job?.steps.map((s) => s.run ?? "").join("\n") ?? "";
    expect(run).toContain("--sarif lichhop.sarif");
    expect(run).not.toContain("--base");
    const upload = job?.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(upload?.with?.sarif_file).toBe("lichhop.sarif");
  });

  it("runs only commands and options lichhop has", () => {
    const commands = steps.flatMap((s) => lichhopCommands(s.run ?? ""));
    expect(commands.length).toBe(2);
    for (const args of commands) expectRunnable(args);
  });
});

describe("the GitLab CI example", () => {
  const job = read("gitlab-ci.yml").lichhop;

  it("compares with the merge request's merge base and keeps a JUnit report on failure", () => {
    expect(job.variables.GIT_DEPTH).toBe("0");
    expect(job.image).toMatch(/^node:(2[2-9]|[3-9]\d)$/);
    const script = (job.script as string[]).join("\n");
    expect(script).toContain('--base-ref "$CI_MERGE_REQUEST_DIFF_BASE_SHA"');
    expect(script).toContain("--junit lichhop-junit.xml");
    expect(job.artifacts).toEqual({ when: "always", reports: { junit: "lichhop-junit.xml" } });
  });

  it("runs only commands and options lichhop has", () => {
    const commands = (job.script as string[]).flatMap(lichhopCommands);
    expect(commands.length).toBe(1);
    for (const args of commands) expectRunnable(args);
  });
});
