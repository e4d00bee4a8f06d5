/**
 * Text that reaches a terminal or a file: control characters (C0, DEL, C1) and the invisible
 * direction overrides can rewrite a terminal's title, hide text or reorder it, so ids that hold
 * one are refused and names have them taken out.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, "g");

/** Whether the text holds a control character or an invisible direction mark. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The text with line breaks and tabs turned into spaces and every other control character or
 * direction mark removed: what a name keeps.
 *
 * @example stripControl("Ash\u001b]0;pwned\u0007 Field") // "Ash]0;pwned Field"
 */
export function stripControl(text: string): string {
  return hasControl(text) ? text.replace(/[\t\r\n]+/g, " ").replace(CONTROL_ALL, "") : text;
}

/** The text with each control character written out (`\u001b`), for a message that quotes it. */
export function showControl(text: string): string {
  return hasControl(text) ? text.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
}

/** How much of a user's text a message quotes. */
export const EXCERPT_CHARS = 40;

/**
 * A short, safe quotation of a user's text for a message: control characters written out, and
 * at most `EXCERPT_CHARS` characters, with the full length when it is cut.
 *
 * @example excerpt("x".repeat(5000)) // "xxxx…" (5000 characters)
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${showControl(cut)}"${text.length > max ? ` (${text.length} characters)` : ""}`;
}

const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The text without the control characters a file or terminal must never receive (NUL, ESC, BEL,
 * C1 ...); tabs and line breaks stay. The writers' last line of defence: names are cleaned on the
 * way in already.
 */
export function dropControl(text: string): string {
  return text.replace(RAW_CONTROL, "");
}

/**
 * The text for a terminal: every control character but tab and line feed written out as
 * `\u001b`, so that nothing printed can move the cursor, set the title or ring the bell.
 *
 * @example forTerminal("\u001b]0;x\u0007") // "\\u001b]0;x\\u0007"
 */
export function forTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The key a typo of `key` was probably meant to be: the same but for case, spaces, `_` and `-`
 * (`max_reviews` for `maxReviews`, `minDistanceKM` for `minDistanceKm`), a plural, or a prefix.
 *
 * @example closeKey("max_reviews", ["maxReviews", "phases"]) // "maxReviews"
 */
export function closeKey(key: string, known: readonly string[]): string | undefined {
  const squash = (k: string) => k.toLowerCase().replace(/[\s_-]+/g, "");
  const singular = (k: string) => squash(k).replace(/s$/, "");
  const typed = squash(key);
  return (
    known.find((k) => squash(k) === typed) ??
    known.find((k) => singular(k) === singular(key)) ??
    (typed.length >= 4 ? known.find((k) => squash(k).startsWith(typed) || typed.startsWith(squash(k))) : undefined)
  );
}

/**
 * A count with its noun, plural after any count but one: the core's messages (explanations,
 * shortage lines, warnings) say "1 reviewer", "3 reviewers".
 *
 * @example plural(3, "reviewer") // "3 reviewers"
 */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
