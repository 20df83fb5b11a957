// The flow's readable transcript: numbered steps, indented details, secrets masked.

export type Write = (line: string) => void;

export class Transcript {
  private step = 0;

  constructor(private readonly write: Write) {}

  title(text: string): void {
    this.write(text);
  }

  /** Starts the next numbered step. */
  begin(text: string): void {
    this.step++;
    this.write('');
    this.write(`${String(this.step).padStart(2)}. ${text}`);
  }

  detail(text: string): void {
    this.write(`    ${text}`);
  }

  get steps(): number {
    return this.step;
  }
}

/** A secret as it may be shown: its first characters (a prefix such as `rk_`) and its length. */
export const mask = (secret: string): string =>
  secret.length <= 6
    ? `…(${secret.length} chars)`
    : `${secret.slice(0, 3)}…(${secret.length} chars)`;

/** A URL with every query value masked (a launch URL's client token is a secret). */
export const maskUrl = (text: string): string => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return mask(text);
  }
  const shown = [...url.searchParams].map(([name, value]) => `${name}=${mask(value)}`);
  return `${url.origin}${url.pathname}${shown.length > 0 ? `?${shown.join('&')}` : ''}`;
};

/** Unix seconds as an ISO time, for humans. */
export const when = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
