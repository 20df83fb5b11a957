import * as t from 'io-ts';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { model } from '../lib/schema/codecs.js';
import { integerBetween } from '../lib/schema/scalars.js';
import { decodeBody, jsonMemberName, problem, type Validated } from './validation.js';

// Injected faults: the next requests of an operation (or of any) are answered with a status, late,
// or not at all, so a user can rehearse how their code survives Connect failing. A request a
// fault answers never reaches the store: it changes nothing.

/** The longest delay a fault may hold a request: longer is a mistake, not a test. */
const MAX_FAULT_DELAY_MS = 10 * 60_000;

/** The body of `POST /sandbox/faults` (`control.inject`). */
export const FaultRequest = model(
  'FaultRequest',
  {},
  {
    /** The SDK's name of an operation, e.g. `SessionsAPI.CreateSession`; absent: any. */
    operation: t.string,
    /** How many matching requests the fault answers (default 1). */
    times: integerBetween(1, 10_000),
    /** Answer with this status instead of the real answer. */
    status: integerBetween(100, 599),
    /** With `status`: a Retry-After header, in seconds. */
    retryAfterSeconds: integerBetween(0, 86_400),
    /** With `status`: the JSON body (default: the spec's error shape, `{"message": …}`). */
    body: t.unknown,
    /** Hold the request this long first; alone, it delays the real answer. */
    delayMs: integerBetween(0, MAX_FAULT_DELAY_MS),
    /** Close the connection without an answer. */
    drop: t.boolean,
  },
);
export type FaultRequest = t.TypeOf<typeof FaultRequest>;

/** What a fault does to one request. */
export interface Fault {
  readonly delayMs: number;
  readonly answer:
    | { readonly kind: 'real' }
    | { readonly kind: 'drop' }
    | {
        readonly kind: 'status';
        readonly status: number;
        readonly retryAfterSeconds: number | undefined;
        readonly body: unknown;
      };
}

interface Armed {
  readonly operation: string | undefined;
  remaining: number;
  readonly fault: Fault;
}

/** Checks a fault request against the operations the sandbox serves; a 400 names the field. */
export const readFault = (
  body: unknown,
  operations: ReadonlySet<string>,
): Validated<{ operation: string | undefined; times: number; fault: Fault }> => {
  const decoded = decodeBody(FaultRequest, body ?? {}, { naming: jsonMemberName, strict: true });
  if (isLeft(decoded)) return decoded;
  const {
    operation,
    times = 1,
    status,
    retryAfterSeconds,
    body: answerBody,
    delayMs,
    drop,
  } = decoded.right;
  const problems = [];
  if (operation !== undefined && !operations.has(operation)) {
    problems.push(
      problem(
        'operation',
        `Unknown operation ${JSON.stringify(operation.slice(0, 80))}: use one of ${[...operations].join(', ')}.`,
      ),
    );
  }
  if (status === undefined && drop !== true && delayMs === undefined) {
    problems.push(problem('status', 'A fault needs a status, a delayMs or drop: true.'));
  }
  if (status !== undefined && drop === true) {
    problems.push(problem('drop', 'A dropped connection has no status: give one or the other.'));
  }
  if (status === undefined && retryAfterSeconds !== undefined) {
    problems.push(problem('retryAfterSeconds', 'retryAfterSeconds goes with a status.'));
  }
  if (status === undefined && answerBody !== undefined) {
    problems.push(problem('body', 'body goes with a status.'));
  }
  if (problems.length > 0) return left(problems);
  const answer: Fault['answer'] =
    status !== undefined
      ? { kind: 'status', status, retryAfterSeconds, body: answerBody }
      : drop === true
        ? { kind: 'drop' }
        : { kind: 'real' };
  return right({ operation, times, fault: { delayMs: delayMs ?? 0, answer } });
};

/** The faults waiting for requests, first injected first used. */
export class FaultBook {
  private armed: Armed[] = [];

  inject(operation: string | undefined, times: number, fault: Fault): void {
    this.armed.push({ operation, remaining: times, fault });
  }

  clear(): void {
    this.armed = [];
  }

  /** The fault that answers this request of `operation`, if any; it is used up by one. */
  take(operation: string): Fault | undefined {
    const armed = this.armed.find((a) => a.operation === undefined || a.operation === operation);
    if (armed === undefined) return undefined;
    armed.remaining--;
    if (armed.remaining === 0) this.armed = this.armed.filter((a) => a !== armed);
    return armed.fault;
  }
}
