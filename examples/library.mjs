// Use lichhop as a library: read the example schedule, check it, list its conflicts.
// Run after `npm run build`: node examples/library.mjs
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkSchedule, expandSchedule, safeParseSchedule } from "lichhop";

const path = fileURLToPath(new URL("./lang-son-2024.yaml", import.meta.url));
const result = safeParseSchedule(readFileSync(path, "utf8"), { filename: "lang-son-2024.yaml", lang: "en" });
if (!result.ok) {
  for (const issue of result.issues) console.error(`${issue.file}:${issue.line}:${issue.column} ${issue.message}`);
  process.exit(2);
}
const schedule = result.schedule;

const march = expandSchedule(schedule, { from: "2024-03-01", to: "2024-03-31" });
console.log(`March 2024: ${march.length} occurrences`);

const report = checkSchedule(schedule, { lang: "en" });
console.log(`${report.summary.conflicts} conflicts (${report.summary.errors} errors)`);
for (const conflict of report.conflicts) console.log(`- [${conflict.kind}] ${conflict.message}`);
