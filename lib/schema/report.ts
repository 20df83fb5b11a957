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
    return type !== undefined && isEnum(type) ? `, got ${JSON.stringify(value.slice(0, 64))}` : '';
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return `, got ${String(value)}`;
  }
  return `, got ${Array.isArray(value) ? 'an array' : 'an object'}`;
};
