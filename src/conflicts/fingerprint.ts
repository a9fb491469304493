import { formatWall } from "../time/wall";

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** 64-bit FNV-1a of a text's UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, "0");
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
