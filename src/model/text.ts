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
