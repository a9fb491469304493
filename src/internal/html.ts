import { inert } from "./inert";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for HTML, in an element or a quoted attribute: `& < > " '` as entities, and control and
 * bidi characters shown as escapes (`inert`), so a title with `<script>` shows as text.
 *
 * @example
 * html('<img onerror="x">'); // "&lt;img onerror=&quot;x&quot;&gt;"
 */
export function html(text: string): string {
  return escapeEntities(inert(text));
}

/** `& < > " '` as entities, nothing else: for text already made inert (a multi-line `<pre>`). */
export function escapeEntities(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
