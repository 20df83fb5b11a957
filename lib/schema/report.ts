import type * as t from 'io-ts';
import { isEnum } from './codecs.js';

// Turns io-ts errors into one line each: `sessions.3.state: expected one of …, got "Bogus"`.
// A received value is shown only when it cannot be a secret (not a free-form string).

export const joinPath = (prefix: string, path: string): string =>
  prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`;

export const describeErrors = (errors: t.Errors, prefix = ''): string[] =>
  errors.map((error) => {
    const path = joinPath(
      prefix,
      error.context
        .map((entry) => entry.key)
        .filter((key) => key !== '')
        .join('.'),
    );
    const last = error.context[error.context.length - 1];
    const what =
      error.value === undefined
        ? 'is required'
        : (error.message ?? `expected ${last?.type.name ?? 'another value'}`);
    return `${path || '(body)'}: ${what}${got(error.value, last?.type)}`;
  });

const got = (value: unknown, type: t.Decoder<unknown, unknown> | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    // Whole, not cut: a cut could leave part of a secret that scrubbing would no longer recognise.
    return type !== undefined && isEnum(type) ? `, got ${JSON.stringify(value)}` : '';
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return `, got ${String(value)}`;
  }
  return `, got ${Array.isArray(value) ? 'an array' : 'an object'}`;
};
