// Path templates are compiled once per operation; a request only joins the pieces.

export interface PathTemplate {
  /** Literal text between parameters: always one more than `names`. */
  readonly literals: readonly string[];
  readonly names: readonly string[];
}

export const compilePath = (template: string): PathTemplate => {
  const literals: string[] = [];
  const names: string[] = [];
  let rest = template;
  for (let match = /\{([^}]+)\}/.exec(rest); match; match = /\{([^}]+)\}/.exec(rest)) {
    literals.push(rest.slice(0, match.index));
    names.push(match[1] ?? '');
    rest = rest.slice(match.index + match[0].length);
  }
  literals.push(rest);
  return { literals, names };
};

/** The template with each parameter replaced by `segment(name)`, which must already be encoded. */
export const expandPath = (template: PathTemplate, segment: (name: string) => string): string => {
  let path = template.literals[0] ?? '';
  for (let i = 0; i < template.names.length; i++) {
    path += segment(template.names[i] ?? '') + (template.literals[i + 1] ?? '');
  }
  return path;
};

// The escaping of Go's url.PathEscape, which the Go SDK uses: sub-delimiters that are legal in a
// segment stay as they are ($ & + = : @); everything else that is not unreserved is escaped.
const GO_KEEPS = /%(24|26|2B|3D|3A|40)/g;
const GO_ESCAPES = /[!'()*]/g;

/**
 * One value as exactly one path segment: a slash, `?` or `#` cannot escape it. Dot segments and
 * lone surrogates are refused before this is reached (codecs.ts, pathSegment).
 */
export const encodePathSegment = (value: string): string =>
  encodeURIComponent(value)
    .replace(GO_KEEPS, (escaped) => decodeURIComponent(escaped))
    .replace(GO_ESCAPES, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
