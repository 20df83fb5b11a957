// Text into HTML. Every value the sandbox puts in a page goes through one of these: session data
// can carry markup (a redirect URL is only checked to parse as a URL).

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or as a double- or single-quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/**
 * A value as JSON that is safe inside a `<script type="application/json">` element: no `<`
 * (so no `</script>` or `<!--`), and no line separators, which some parsers treat as line ends.
 */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
