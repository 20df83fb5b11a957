import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';

// undici changed its handler API in version 7 (onRequestStart, onResponseStart, …) and dropped the
// old one (onConnect, onHeaders, onData, onComplete, onError) in version 8; undici 6, which Node 22
// bundles for its fetch(), knows only the old one and refuses a handler without it ("invalid
// onError method"). A handler that speaks both works with a dispatcher of any of these majors:
// undici 7 takes the new API whenever onRequestStart is present, undici 8 knows nothing else, and
// undici 6 calls the old methods, which this bridge turns into the new calls.

/** The old (undici ≤ 6) handler API, as undici 6 calls it. */
export interface LegacyDispatchHandler {
  onConnect(abort: (error?: Error) => void, context?: unknown): void;
  onHeaders(
    statusCode: number,
    rawHeaders: readonly (Buffer | string | readonly (Buffer | string)[])[],
    resume: () => void,
    statusText?: string,
  ): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(rawTrailers: readonly (Buffer | string)[] | null): void;
  onError(error: Error): void;
}

/** What a dispatcher of undici 6, 7 or 8 receives from the SDK: both handler APIs. */
export type BridgedDispatchHandler = Required<
  Pick<
    Dispatcher.DispatchHandler,
    'onRequestStart' | 'onResponseStart' | 'onResponseData' | 'onResponseEnd' | 'onResponseError'
  >
> &
  LegacyDispatchHandler;

/** Pause, resume and abort of the new API, on top of the old API's abort and resume. */
class LegacyController implements Dispatcher.DispatchController {
  #aborted = false;
  #paused = false;
  #reason: Error | null = null;
  resumeLegacy: (() => void) | undefined;

  constructor(private readonly abortLegacy: (error?: Error) => void) {}

  get aborted(): boolean {
    return this.#aborted;
  }
  get paused(): boolean {
    return this.#paused;
  }
  get reason(): Error | null {
    return this.#reason;
  }
  abort(reason: Error): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.abortLegacy(reason);
  }
  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.resumeLegacy?.();
  }
}

// An error can arrive before any connection (the dispatcher was closed, say): there is nothing to
// abort then.
const NOTHING_TO_ABORT = (): void => undefined;

class HandlerBridge implements BridgedDispatchHandler {
  #controller: LegacyController | undefined;

  constructor(private readonly handler: Dispatcher.DispatchHandler) {}

  // The new API, passed on as it is.
  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.handler.onRequestStart?.(controller, context);
  }
  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.handler.onResponseData?.(controller, chunk);
  }
  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.handler.onResponseEnd?.(controller, trailers);
  }
  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.handler.onResponseError?.(controller, error);
  }

  // The old API, turned into the new one.
  onConnect(abort: (error?: Error) => void, context?: unknown): void {
    this.#controller = new LegacyController(abort);
    this.handler.onRequestStart?.(this.#controller, context ?? {});
  }
  onHeaders(
    statusCode: number,
    rawHeaders: readonly (Buffer | string | readonly (Buffer | string)[])[],
    resume: () => void,
    statusText?: string,
  ): boolean {
    // 1xx informational answers come before the real one; the new API does not show them.
    if (statusCode < 200) return true;
    const controller = this.controller();
    controller.resumeLegacy = resume;
    this.handler.onResponseStart?.(controller, statusCode, headersOf(rawHeaders), statusText);
    return !controller.paused;
  }
  onData(chunk: Buffer): boolean {
    const controller = this.controller();
    this.handler.onResponseData?.(controller, chunk);
    return !controller.paused;
  }
  onComplete(rawTrailers: readonly (Buffer | string)[] | null): void {
    this.handler.onResponseEnd?.(this.controller(), headersOf(rawTrailers ?? []));
  }
  onError(error: Error): void {
    this.handler.onResponseError?.(this.controller(), error);
  }

  private controller(): LegacyController {
    return (this.#controller ??= new LegacyController(NOTHING_TO_ABORT));
  }
}

/** The handler, made to speak both the new and the old undici handler APIs. */
export const bridgeHandler = (handler: Dispatcher.DispatchHandler): BridgedDispatchHandler =>
  new HandlerBridge(handler);

/** Raw headers (name, value, name, value, …) as the new API gives them: lower-case names. */
const headersOf = (
  raw: readonly (Buffer | string | readonly (Buffer | string)[])[],
): IncomingHttpHeaders => {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const rawValue = raw[i + 1];
    const values = Array.isArray(rawValue) ? rawValue.map(String) : [String(rawValue)];
    const previous = headers[name];
    if (previous === undefined) headers[name] = values.length === 1 ? String(values[0]) : values;
    else headers[name] = [...(Array.isArray(previous) ? previous : [previous]), ...values];
  }
  return headers;
};
