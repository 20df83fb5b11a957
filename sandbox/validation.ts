import type * as t from 'io-ts';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { unknownProperties } from '../lib/schema/codecs.js';
import {
  CreateSessionRequest,
  ExchangeAttachmentAccessKeyRequest,
  ExchangeResultsKeyRequest,
  OrderDirection,
  SessionOrdering,
  type ValidationResult,
} from '../models/index.js';
import { PROVIDER_IDS } from './fixtures.js';
import { LIST_DEFAULTS, type ListQuery } from './listing.js';

// Request validation, answered as the API does: 400 with one ValidationResult per problem, each
// naming the members at fault. API members are named as the server's C# model names them
// (`RedirectUrl`, `Providers[0]`, `DisclosedFields.IdNumber`); sandbox control bodies by their
// JSON paths. Bodies are checked with the SDK's own codecs, so the two cannot disagree.

export type Validated<T> = Either<ValidationResult[], T>;

export const problem = (member: string | undefined, errorMessage: string): ValidationResult => ({
  memberNames: member === undefined ? [] : [member],
  errorMessage,
});

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** `['providers', '0']` → `Providers[0]`; `['disclosedFields', 'idNumber']` → `DisclosedFields.IdNumber`. */
const apiMemberName = (keys: readonly string[]): string =>
  keys.reduce(
    (name, key) =>
      /^\d+$/.test(key) ? `${name}[${key}]` : name === '' ? pascal(key) : `${name}.${pascal(key)}`,
    '',
  );

export const jsonMemberName = (keys: readonly string[]): string =>
  keys.reduce(
    (name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name === '' ? key : `${name}.${key}`),
    '',
  );

export interface DecodeOptions {
  readonly naming: (keys: readonly string[]) => string;
  /** Reject properties the codec does not name (control bodies: a typo must not pass). */
  readonly strict: boolean;
}

/** Decodes a JSON body with a codec; every failure becomes a ValidationResult. */
export const decodeBody = <C extends t.Mixed>(
  codec: C,
  body: unknown,
  options: DecodeOptions,
): Validated<t.TypeOf<C>> => {
  const decoded = codec.decode(body);
  if (isLeft(decoded)) {
    const seen = new Set<string>();
    const problems: ValidationResult[] = [];
    for (const error of decoded.left) {
      const keys = error.context.map((entry) => entry.key).filter((key) => key !== '');
      const member = keys.length === 0 ? undefined : options.naming(keys);
      if (seen.has(member ?? '')) continue; // one answer per member is enough
      seen.add(member ?? '');
      const expected = error.context[error.context.length - 1]?.type.name ?? 'another value';
      problems.push(
        problem(
          member,
          member === undefined
            ? 'The request body must be a JSON object'
            : error.value === undefined
              ? `The ${member} field is required.`
              : `The ${member} field is not valid: ${error.message ?? `expected ${expected}`}.`,
        ),
      );
    }
    return left(problems);
  }
  if (options.strict) {
    const unknown = unknownProperties(codec, body);
    if (unknown.length > 0) {
      return left(
        unknown.map(({ path }) =>
          problem(options.naming(path.split('.')), `${path} is not a known property`),
        ),
      );
    }
  }
  return right(decoded.right);
};

const API_BODY: DecodeOptions = { naming: apiMemberName, strict: false };

// A body that is absent or JSON null counts as `{}` (the Go SDK sends `null` for no request), so
// the answer names the missing fields rather than the body.
const orEmpty = (body: unknown): unknown => body ?? {};

const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

export const validateCreateSession = (body: unknown): Validated<CreateSessionRequest> => {
  const decoded = decodeBody(CreateSessionRequest, orEmpty(body), API_BODY);
  if (isLeft(decoded)) return decoded;
  const request = decoded.right;
  const problems: ValidationResult[] = [];
  if (request.redirectUrl !== undefined && !isHttpUrl(request.redirectUrl)) {
    problems.push(problem('RedirectUrl', 'RedirectUrl must be an absolute http or https URL.'));
  }
  const unknown = (request.providers ?? []).filter((id) => !PROVIDER_IDS.has(id));
  if (unknown.length > 0) {
    problems.push(
      problem(
        'Providers',
        `Unknown provider(s): ${unknown.map((id) => JSON.stringify(id.slice(0, 40))).join(', ')}.`,
      ),
    );
  }
  if (request.launchMethodDirectly === true) {
    if (!request.redirectUrl) {
      problems.push(
        problem('RedirectUrl', 'RedirectUrl is required when LaunchMethodDirectly is true.'),
      );
    }
    if (request.providers?.length !== 1) {
      problems.push(
        problem(
          'Providers',
          'Providers must have exactly one entry when LaunchMethodDirectly is true.',
        ),
      );
    }
  }
  return problems.length > 0 ? left(problems) : right(request);
};

export const validateExchangeResults = (body: unknown): Validated<ExchangeResultsKeyRequest> => {
  const decoded = decodeBody(ExchangeResultsKeyRequest, orEmpty(body), API_BODY);
  if (isLeft(decoded) || decoded.right.resultsAccessKey !== '') return decoded;
  return left([problem('ResultsAccessKey', 'The ResultsAccessKey field is required.')]);
};

export const validateExchangeAttachment = (
  body: unknown,
): Validated<ExchangeAttachmentAccessKeyRequest> =>
  decodeBody(ExchangeAttachmentAccessKeyRequest, orEmpty(body), API_BODY);

// Query names match whatever their case, as ASP.NET model binding does.
const queryValues = (query: URLSearchParams): Map<string, string[]> => {
  const values = new Map<string, string[]>();
  for (const [name, value] of query) {
    const key = name.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
};

const shown = (value: string): string => JSON.stringify(value.slice(0, 40));

/** Reads one query value: the parsed value, or what is wrong with it. */
type ParseParam<T> = (name: string, raw: string) => Either<string, T>;

const readParam = <T>(
  values: Map<string, string[]>,
  name: string,
  parse: ParseParam<T>,
  fallback: T,
  problems: ValidationResult[],
): T => {
  const given = values.get(name.toLowerCase());
  if (given === undefined) return fallback;
  const [raw] = given;
  const parsed =
    raw === undefined || given.length > 1 ? left(`${name} must be given once.`) : parse(name, raw);
  if (isLeft(parsed)) {
    problems.push(problem(name, parsed.left));
    return fallback;
  }
  return parsed.right;
};

const oneOf =
  <V extends string>(values: readonly V[]): ParseParam<V> =>
  (name, raw) => {
    const found = values.find((v) => v.toLowerCase() === raw.toLowerCase());
    return found === undefined
      ? left(`The value ${shown(raw)} is not valid for ${name}: use one of ${values.join(', ')}.`)
      : right(found);
  };

const integerFrom =
  (min: number, max: number): ParseParam<number> =>
  (name, raw) => {
    if (!/^[+-]?\d{1,12}$/.test(raw.trim())) {
      return left(`The value ${shown(raw)} is not valid for ${name}.`);
    }
    const value = Number(raw);
    return value < min || value > max
      ? left(`The field ${name} must be between ${min} and ${max}.`)
      : right(value);
  };

export const validateListQuery = (query: URLSearchParams): Validated<ListQuery> => {
  const values = queryValues(query);
  const problems: ValidationResult[] = [];
  const d = LIST_DEFAULTS;
  const listQuery: ListQuery = {
    orderBy: readParam(values, 'OrderBy', oneOf(SessionOrdering.values), d.orderBy, problems),
    orderDirection: readParam(
      values,
      'OrderDirection',
      oneOf(OrderDirection.values),
      d.orderDirection,
      problems,
    ),
    pageSize: readParam(values, 'PageSize', integerFrom(1, 50), d.pageSize, problems),
    page: readParam(values, 'Page', integerFrom(1, 2_147_483_647), d.page, problems),
  };
  return problems.length > 0 ? left(problems) : right(listQuery);
};

const PHONE = /^\+?\d[\d ().\-/]*$/;

/** A phone number as people write it: digits, an optional leading +, and separators. */
export const validatePhoneNumber = (raw: string): Validated<string> => {
  const digits = raw.replace(/\D/g, '');
  return PHONE.test(raw) && digits.length >= 7 && digits.length <= 15
    ? right(raw)
    : left([problem('PhoneNumber', 'PhoneNumber must be a phone number of 7 to 15 digits.')]);
};
