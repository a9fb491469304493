import { formatWall } from "../time/wall";

/**
 * 64-bit FNV-1a of a text's UTF-16 code units, as 16 hex digits. Computed on two 32-bit halves
 * (the prime is 2^40 + 0x1b3), which gives the same value as 64-bit arithmetic without BigInt.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    const low = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** The identity of an occurrence: its meeting and original local start. */
export function occurrenceIdentity(meeting: string, recurrenceId: number): string {
  return `${meeting}@${formatWall(recurrenceId)}`;
}

/**
 * The stable fingerprint of a conflict: a hash of its kind, rule, subjects and the identities of
 * its occurrences (meeting id + original start), never of file order or of current times, so a
 * moved occurrence that still clashes keeps its fingerprint.
 *
 * @example
 * conflictFingerprint("room", null, ["phong-hop-1"], ["a@2024-03-07T08:00", "b@2024-03-07T09:00"]);
 */
export function conflictFingerprint(
  kind: string,
  rule: string | null,
  subjects: readonly string[],
  identities: readonly string[],
  extra = "",
): string {
  const sorted = [...identities].sort();
  return fnv1a64([kind, rule ?? "", subjects.join(","), sorted.join(","), extra].join("\u001f"));
}
