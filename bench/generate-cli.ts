/** `node bench/.out/generate.js SIZE` writes the generated schedule of a benchmark size to stdout. */
import { generateSchedule, SIZES, sizeParams } from "./generate";

const name = process.argv[2] ?? "1k";
const params = sizeParams(name);
if (!params) {
  process.stderr.write(`unknown size ${name}; one of ${SIZES.map((size) => size.name).join(", ")}\n`);
  process.exit(2);
}
process.stdout.write(generateSchedule(params).text);
