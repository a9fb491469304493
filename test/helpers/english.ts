/**
 * English words with no place in a Vietnamese message; field names, option names and YAML values
 * aside (a word joined to a letter, digit, `_`, `.` or `-` is not a word here; test the text
 * {@link withoutForms} leaves). Words that are also Vietnamese ("in", "to", "no", "can") are left out.
 */
export const ENGLISH =
  /(?<![\p{L}\p{N}_.-])(a|an|the|of|or|and|is|are|expected|found|such|as|one|number|list|mapping|date|dates|time|exists|[Ii]nvalid|input|whole|day|days|must|with|least|most|like|only|not|[Uu]nknown|see|did|you|mean|missing|wrong|type|e\.g\.|undefined|cannot|file|files|directory|permission|denied|give|positive|bad|option|got|argument|arguments|real|should|at|from|by|for)(?![\p{L}\p{N}_.-])/u;

/** An ISO 8601 duration code not followed by its reading in words: `PT1H30M`, but not `PT1H30M (1 giờ 30 phút)`. */
export const BARE_DURATION = /(?<![\w-])P(?=\d|T\d)(\d+[WD])*(T(\d+[HMS])+)?(?![\w-])(?! \()/;

/** A message without the YAML forms it shows (`{ body: mã cơ quan, from: … }`), whose keys are field names. */
export function withoutForms(text: string): string {
  return text.replace(/\{[^{}]*\}/g, "{…}");
}
