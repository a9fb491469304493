/**
 * Whether the text report colours its severities: `NO_COLOR` (not empty) says no and
 * `FORCE_COLOR` yes (`0` or `false`: no), as no-color.org and Node's own tools read them; else
 * only on a terminal, never in a pipe or a file.
 */
export function colorWanted(env: NodeJS.ProcessEnv, terminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return terminal;
}
