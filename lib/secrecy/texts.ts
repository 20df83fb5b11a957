import type { RequestError } from '../pipeline/errors.js';
import type { Secrets } from './secrets.js';

// The texts an error hands on are bounded: a server's message, the problems of a decoded body,
// and a logged body are the server's to size, and a 9 MB message is no message. Bounds apply
// after scrubbing, never before, so that no cut can leave part of a secret visible.

/** The longest `message` of an error, in characters. */
const MAX_MESSAGE_CHARS = 2_000;
/** The longest line of `problems` or `errors`. */
const MAX_LINE_CHARS = 500;
/** The most lines in `problems` or `errors`; a last line says how many more there were. */
const MAX_LINES = 50;
/** The longest body shown in a debug line. */
export const MAX_LOGGED_BODY_CHARS = 4_096;

export const cut = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

const lines = (all: readonly string[], secrets: Secrets): readonly string[] => {
  const kept = all.slice(0, MAX_LINES).map((line) => cut(secrets.scrub(line), MAX_LINE_CHARS));
  if (all.length > MAX_LINES) kept.push(`… and ${all.length - MAX_LINES} more`);
  return kept;
};

/** The error as the caller sees it: every text scrubbed, then bounded. */
export const sealed = <M>(error: RequestError<M>, secrets: Secrets): RequestError<M> => {
  const message = cut(secrets.scrub(error.message), MAX_MESSAGE_CHARS);
  switch (error._tag) {
    case 'InvalidRequest':
      return { ...error, message, problems: lines(error.problems, secrets) };
    case 'DecodeError':
      return { ...error, message, errors: lines(error.errors, secrets) };
    default:
      return message === error.message ? error : { ...error, message };
  }
};
