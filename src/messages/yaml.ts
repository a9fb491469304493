import type { Lang } from "./entry";

// The reasons js-yaml (4.x, lib/loader.js) gives for a text it cannot read, in Vietnamese. Its
// warnings ("deficient indentation", "unknown document directive") never reach a message.

/** The reasons that are the same words each time. */
const FIXED: Readonly<Record<string, string>> = {
  "duplication of %YAML directive": "chỉ thị %YAML xuất hiện hai lần",
  "YAML directive accepts exactly one argument": "chỉ thị %YAML cần đúng một tham số",
  "ill-formed argument of the YAML directive": "tham số của chỉ thị %YAML sai dạng",
  "unacceptable YAML version of the document": "phiên bản YAML của tài liệu không được hỗ trợ",
  "TAG directive accepts exactly two arguments": "chỉ thị %TAG cần đúng hai tham số",
  "ill-formed tag handle (first argument) of the TAG directive": "tên viết tắt của thẻ (tham số thứ nhất) trong chỉ thị %TAG sai dạng",
  "ill-formed tag prefix (second argument) of the TAG directive": "tiền tố của thẻ (tham số thứ hai) trong chỉ thị %TAG sai dạng",
  "expected valid JSON character": "cần một ký tự hợp lệ trong JSON",
  "the stream contains non-printable characters": "tệp chứa ký tự điều khiển không in được",
  "cannot merge mappings; the provided source object is unacceptable": "không gộp được: giá trị đem gộp (<<) không phải một ánh xạ",
  "nested arrays are not supported inside keys": "khóa không được chứa danh sách lồng nhau",
  "abnormal merge sequence size": "danh sách đem gộp (<<) có kích thước bất thường",
  "duplicated mapping key": "trùng khóa: một trường được khai báo hai lần trong cùng một ánh xạ",
  "a line break is expected": "cần xuống dòng tại đây",
  "unexpected end of the document within a single quoted scalar": "tài liệu kết thúc khi chuỗi trong dấu nháy đơn (') chưa được đóng",
  "unexpected end of the stream within a single quoted scalar": "tệp kết thúc khi chuỗi trong dấu nháy đơn (') chưa được đóng",
  "expected hexadecimal character": "cần một chữ số hệ mười sáu (0–9, A–F)",
  "unknown escape sequence": 'ký tự sau dấu "\\" không hợp lệ',
  "unexpected end of the document within a double quoted scalar": 'tài liệu kết thúc khi chuỗi trong dấu nháy kép (") chưa được đóng',
  "unexpected end of the stream within a double quoted scalar": 'tệp kết thúc khi chuỗi trong dấu nháy kép (") chưa được đóng',
  "missed comma between flow collection entries": "thiếu dấu phẩy giữa các phần tử trong [ ] hoặc { }",
  "expected the node content, but found ','": "cần một giá trị, nhưng gặp dấu phẩy (hai dấu phẩy liền nhau?)",
  "unexpected end of the stream within a flow collection": "tệp kết thúc khi [ ] hoặc { } chưa được đóng",
  "repeat of a chomping mode identifier": "dấu + hoặc - của khối văn bản (sau | hoặc >) bị lặp lại",
  "bad explicit indentation width of a block scalar; it cannot be less than one":
    "độ thụt lề ghi sau | hoặc > của khối văn bản phải từ 1 trở lên",
  "repeat of an indentation width identifier": "độ thụt lề của khối văn bản (sau | hoặc >) được ghi hai lần",
  "missing indentation for block scalar": "khối văn bản (sau | hoặc >) thiếu thụt lề",
  "tab characters must not be used in indentation": "không được thụt lề bằng ký tự tab; dùng dấu cách",
  "bad indentation of a sequence entry": 'thụt lề sai ở một phần tử danh sách (dòng bắt đầu bằng "-")',
  "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line":
    'cặp khóa và giá trị sau dấu "?" chưa đủ: thiếu khóa, hoặc theo sau là một dòng trống',
  "a whitespace character is expected after the key-value separator within a block mapping": 'cần một dấu cách sau dấu hai chấm ":"',
  "can not read an implicit mapping pair; a colon is missed": 'không đọc được cặp khóa và giá trị: thiếu dấu hai chấm ":"',
  "can not read a block mapping entry; a multiline key may not be an implicit key":
    'không đọc được một trường: tên trường không được xuống dòng (hay thiếu dấu hai chấm ":" ở dòng trên?)',
  "bad indentation of a mapping entry": "thụt lề sai ở một trường (tên: giá trị)",
  "duplication of a tag property": "một giá trị có hai thẻ (!…)",
  "unexpected end of the stream within a verbatim tag": "tệp kết thúc khi thẻ !<…> chưa được đóng",
  "named tag handle cannot contain such characters": "tên viết tắt của thẻ chứa ký tự không được phép",
  "tag suffix cannot contain exclamation marks": 'phần sau của thẻ không được chứa dấu "!"',
  "tag suffix cannot contain flow indicator characters": "phần sau của thẻ không được chứa các dấu , [ ] { }",
  "duplication of an anchor property": "một giá trị có hai neo (&…)",
  "name of an anchor node must contain at least one character": "tên neo (sau dấu &) không được để trống",
  "name of an alias node must contain at least one character": "tên bí danh (sau dấu *) không được để trống",
  "alias node should not have any properties": "bí danh (*…) không được có thẻ hoặc neo",
  "directive name must not be less than one character in length": "tên chỉ thị (sau dấu %) không được để trống",
  "directives end mark is expected": 'cần dấu "---" kết thúc phần chỉ thị',
  "end of the stream or a document separator is expected":
    'cần kết thúc tệp hoặc dấu phân cách tài liệu "---" (thường do thụt lề sai hoặc thiếu dấu hai chấm)',
  "null byte is not allowed in input": "tệp chứa byte rỗng (NUL)",
  "expected a single document in the stream, but found more": 'tệp chỉ được chứa một tài liệu, nhưng có nhiều hơn (dấu "---" giữa tệp?)',
};

/** What js-yaml calls a node's kind, in Vietnamese. */
const KINDS: Readonly<Record<string, string>> = { scalar: "một giá trị đơn", sequence: "một danh sách", mapping: "một ánh xạ" };
const kind = (name: string | undefined): string => KINDS[name ?? ""] ?? `"${name}"`;

/** The reasons that quote a part of the file or a bound, each with its Vietnamese wording. */
const PATTERNS: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  [/^there is a previously declared suffix for "(.*)" tag handle$/s, (handle) => `tên viết tắt thẻ "${handle}" đã được khai báo trước đó`],
  [/^tag prefix is malformed: (.*)$/s, (prefix) => `tiền tố của thẻ sai dạng: ${prefix}`],
  [/^merge keys exceeded maxTotalMergeKeys \((\d+)\)$/, (max) => `quá nhiều khóa gộp (<<): tối đa ${max}`],
  [/^tag name cannot contain such characters: (.*)$/s, (name) => `tên thẻ chứa ký tự không được phép: ${name}`],
  [/^tag name is malformed: (.*)$/s, (name) => `tên thẻ sai dạng: ${name}`],
  [/^undeclared tag handle "(.*)"$/s, (handle) => `tên viết tắt thẻ "${handle}" chưa được khai báo`],
  [/^unidentified alias "(.*)"$/s, (alias) => `bí danh "*${alias}" không có neo "&${alias}" nào đứng trước`],
  [/^nesting exceeded maxDepth \((\d+)\)$/, (max) => `lồng nhau quá ${max} cấp`],
  [
    /^unacceptable node kind for !<(.*)> tag; it should be "(\w+)", not "(\w+)"$/s,
    (tag, wanted, found) => `thẻ !<${tag}> cần ${kind(wanted)}, không dùng cho ${kind(found)}`,
  ],
  [/^unknown tag !<(.*)>$/s, (tag) => `thẻ không được hỗ trợ: !<${tag}>`],
  [/^cannot resolve a node with !<(.*)> explicit tag$/s, (tag) => `giá trị không đúng dạng của thẻ !<${tag}>`],
];

/**
 * A YAML reader's reason (js-yaml's `YAMLException#reason`) in a language: English as it is;
 * Vietnamese translated, or, for a reason not known here, quoted after a Vietnamese lead.
 *
 * @example
 * yamlReasonText("duplicated mapping key", "vi"); // "trùng khóa: một trường được khai báo hai lần trong cùng một ánh xạ"
 */
export function yamlReasonText(reason: string, lang: Lang): string {
  if (lang === "en") return reason;
  const fixed = FIXED[reason];
  if (fixed !== undefined && Object.hasOwn(FIXED, reason)) return fixed;
  for (const [pattern, words] of PATTERNS) {
    const match = pattern.exec(reason);
    if (match) return words(...match.slice(1));
  }
  return `lỗi chưa có bản dịch (nguyên văn: "${reason}")`;
}
