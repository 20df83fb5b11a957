import { typeOf } from './base-path.js';
import type { AccessToken, ConfigurationParameters, DebugLogger } from './parameters.js';
import { isUndiciDispatcher, type UndiciDispatcher } from '../http/dispatcher.js';
import { MIN_TOKEN_LENGTH } from '../http/token.js';
import type { FetchFunction } from '../http/fetch-transport.js';

// The checks of each setting of a Configuration. Typed for TypeScript callers, checked for
// JavaScript ones: each takes what it was given, pushes one line per problem onto `problems`
// (with the value when it is no secret), and returns the setting resolved.

const SETTINGS: Readonly<Record<keyof ConfigurationParameters, true>> = {
  basePath: true,
  accessToken: true,
  defaultHeaders: true,
  userAgent: true,
  dispatcher: true,
  fetch: true,
  strict: true,
  timeoutMs: true,
  maxRetries: true,
  maxResponseBytes: true,
  maxRetryAfterMs: true,
  retryBaseDelayMs: true,
  retryMaxDelayMs: true,
  debug: true,
  logBodies: true,
};

// Names people reach for, from other SDKs and the environment variables.
const MEANT: Readonly<Record<string, string>> = {
  apiKey: 'accessToken',
  token: 'accessToken',
  baseUrl: 'basePath',
  baseURL: 'basePath',
  url: 'basePath',
  timeout: 'timeoutMs',
  headers: 'defaultHeaders',
};

export const unknownSettings = (parameters: object, problems: string[]): void => {
  for (const name of Object.keys(parameters)) {
    if (Object.hasOwn(SETTINGS, name)) continue;
    const meant = MEANT[name];
    problems.push(`unknown setting "${name}"${meant ? `: did you mean "${meant}"?` : ''}`);
  }
};

export const checkedToken = (
  token: AccessToken | undefined,
  problems: string[],
): AccessToken | undefined => {
  // Typed for TypeScript callers; checked for JavaScript ones.
  const given: unknown = token;
  if (given === undefined || typeof given === 'function') return token;
  if (typeof given !== 'string') {
    problems.push(
      `accessToken must be a string or a function that returns one, got ${typeOf(given)}`,
    );
  } else if (given.length < MIN_TOKEN_LENGTH) {
    // Never the value: even a mistaken one may be part of a secret.
    problems.push(
      `accessToken must be at least ${MIN_TOKEN_LENGTH} characters long (an API key is much ` +
        'longer; a string this short could not be masked in messages)',
    );
  } else {
    return given;
  }
  return undefined;
};

export const checkedHeaders = (
  headers: unknown,
  problems: string[],
): Readonly<Record<string, string>> => {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    problems.push(
      `defaultHeaders must be an object of header names and values, got ${typeOf(headers)}`,
    );
    return {};
  }
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') checked[name] = value;
    else problems.push(`defaultHeaders["${name}"] must be a string, got ${typeOf(value)}`);
  }
  return checked;
};

export const checkedUserAgent = (
  userAgent: unknown,
  fallback: string,
  problems: string[],
): string => {
  if (userAgent === undefined) return fallback;
  if (typeof userAgent === 'string' && !/[\r\n]/.test(userAgent)) return userAgent;
  problems.push(
    typeof userAgent === 'string'
      ? 'userAgent must not contain CR or LF'
      : `userAgent must be a string, got ${typeOf(userAgent)}`,
  );
  return fallback;
};

export const checkedDispatcher = (
  dispatcher: unknown,
  problems: string[],
): UndiciDispatcher | undefined => {
  if (dispatcher === undefined || isUndiciDispatcher(dispatcher)) return dispatcher;
  problems.push(
    `dispatcher must be an undici Dispatcher (Agent, Pool, ProxyAgent, MockAgent), got ${typeOf(dispatcher)}`,
  );
  return undefined;
};

export const checkedFetch = (
  fetch: FetchFunction | undefined,
  problems: string[],
): FetchFunction | undefined => {
  const given: unknown = fetch;
  if (given === undefined || typeof given === 'function') return fetch;
  problems.push(
    `fetch must be a fetch function (url, init) => Promise<Response>, got ${typeOf(given)}`,
  );
  return undefined;
};

export const checkedLogger = (
  debug: boolean | DebugLogger | undefined,
  problems: string[],
): DebugLogger | undefined => {
  const given: unknown = debug;
  if (given === undefined || given === false) return undefined;
  if (given === true) return stderrLine;
  if (typeof debug === 'function') return debug;
  problems.push(`debug must be true, false or a function that takes a line, got ${typeOf(given)}`);
  return undefined;
};

export const flag = (name: string, value: unknown, problems: string[]): boolean => {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  problems.push(`${name} must be true or false, got ${typeOf(value)}`);
  return false;
};

export const positive = (name: string, value: unknown, problems: string[]): number => {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  problems.push(`${name} must be a positive number, got ${shownNumber(value)}`);
  return NaN;
};

export const whole = (name: string, value: unknown, problems: string[]): number => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  problems.push(`${name} must be a whole number ≥ 0, got ${shownNumber(value)}`);
  return NaN;
};

const shownNumber = (value: unknown): string =>
  typeof value === 'number' ? String(value) : typeOf(value);

// Node, Deno and Bun have process.stderr; Workers and the Edge runtime log through the console.
const stderrLine: DebugLogger =
  typeof process === 'object' && typeof process.stderr === 'object'
    ? (line) => process.stderr.write(`${line}\n`)
    : (line) => {
        console.error(line);
      };
