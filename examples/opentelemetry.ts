// OpenTelemetry spans for the SDK's calls, from its diagnostics_channel events: one span per call
// (operation, method, path template, status, attempts, error tag), an `attempt` event on it per
// attempt, under whatever span was active where the call was made. The SDK itself does not depend
// on OpenTelemetry; this bridge is yours to copy. Spans are printed by ConsoleSpanExporter here;
// in production, an OTLP exporter and a BatchSpanProcessor take its place.
//
// Copy it and env.ts into a project, then:
//   npm install trinsic-connect-sdk fp-ts io-ts @opentelemetry/api@~1.9.0 \
//     @opentelemetry/sdk-trace-base@2 @opentelemetry/context-async-hooks@2
//   npm install --save-dev tsx
//   TRINSIC_API_KEY=... npx tsx opentelemetry.ts
// (@opentelemetry/sdk-trace-base 2 accepts @opentelemetry/api below 1.10 only.)
// It runs as it is in an ES module project ("type": "module") and in a CommonJS one.
// TRINSIC_BASE_URL sends it elsewhere than https://connect.trinsic.id (a sandbox, say).
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import {
  context,
  INVALID_SPAN_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import {
  APIClient,
  Configuration,
  DIAGNOSTICS_CHANNELS,
  isAttemptEvent,
} from 'trinsic-connect-sdk';
import { connection, isCallContext, printError, printResponse, run } from './env.js';

// The application's tracing, as it would already have it: an async context manager (so that the
// active span follows awaits), a provider, an exporter.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const provider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
});
trace.setGlobalTracerProvider(provider);
const tracer = trace.getTracer('trinsic-connect-sdk');

// --- The bridge ---------------------------------------------------------------------------------
// Each call publishes one context object: `start` when it begins (in the caller's async context,
// so `context.active()` there holds the caller's span), then `error` if it ended in a Left, then
// `asyncEnd` once settled. Only what describes the request's shape is put on a span: never the
// expanded path, a query, a header or a body, so no key, token or personal value can get there.
const calls = diagnostics.tracingChannel(DIAGNOSTICS_CHANNELS.request);
const spans = new WeakMap<object, Span>();
// Bound to `start`, this store holds the call's span for everything the call does, so an attempt
// event (published from inside the call) finds the span of its own call, however many run at once.
const callSpan = new AsyncLocalStorage<Span>();

calls.start.bindStore(callSpan, (call) => {
  const span = isCallContext(call)
    ? tracer.startSpan(
        call.operation,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'trinsic.operation': call.operation,
            'http.request.method': call.method,
            'url.template': call.path,
          },
        },
        context.active(),
      )
    : trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
  spans.set(call, span);
  return span;
});

calls.subscribe({
  start: () => undefined,
  end: () => undefined,
  asyncStart: () => undefined,
  error: () => undefined,
  asyncEnd: (call) => {
    const span = spans.get(call);
    if (span === undefined || !isCallContext(call)) return;
    if (call.result) {
      span.setAttributes({
        'http.response.status_code': call.result.status,
        'trinsic.attempts': call.result.attempts,
      });
      span.setStatus({ code: SpanStatusCode.OK });
    } else if (call.error) {
      // The error's tag (`HttpError`, `NetworkError`, …) and its status or code: no server text.
      span.setAttributes({
        'error.type': call.error.name,
        'trinsic.attempts': call.error.attempts,
        ...(call.error.status === undefined
          ? {}
          : { 'http.response.status_code': call.error.status }),
        ...(call.error.code === undefined ? {} : { 'trinsic.error.code': call.error.code }),
      });
      span.setStatus({ code: SpanStatusCode.ERROR, message: call.error.message });
    }
    span.end();
  },
});

diagnostics.subscribe(DIAGNOSTICS_CHANNELS.attempt, (message) => {
  if (!isAttemptEvent(message)) return; // a channel takes any message: narrow, don't cast
  callSpan.getStore()?.addEvent('attempt', {
    'trinsic.attempt': message.attempt,
    'trinsic.max_attempts': message.maxAttempts,
    'trinsic.attempt.duration_ms': message.durationMs,
    ...(message.status === undefined ? {} : { 'http.response.status_code': message.status }),
    ...(message.failure === undefined ? {} : { 'trinsic.attempt.failure': message.failure }),
    ...(message.retryDelayMs === undefined
      ? {}
      : { 'trinsic.retry_delay_ms': message.retryDelayMs }),
  });
});
// --- End of the bridge --------------------------------------------------------------------------

const OPERATION = 'SessionsAPI.GetSession';

run(async () => {
  const apiClient = new APIClient(new Configuration(connection()));
  // The application's own span (a request handler, say): the SDK's spans become its children.
  await tracer.startActiveSpan('verify-visitor', async (visit) => {
    try {
      await apiClient.networkAPI.listProviders().execute();
      const created = await apiClient.sessionsAPI
        .createSession()
        .createSessionRequest({})
        .execute();
      const sessionId = pipe(
        created,
        E.match(
          () => 'no-such-session',
          ({ data }) => data.session.id,
        ),
      );
      pipe(
        await apiClient.sessionsAPI.getSession(sessionId).execute(),
        E.map(({ data }) => `${data.session.id}: ${data.session.state}`),
        E.match(printError(OPERATION), printResponse(OPERATION)),
      );
      // A call that fails, to show an error span: a Session that does not exist (HTTP 404).
      await apiClient.sessionsAPI.getSession('no-such-session').execute();
    } finally {
      visit.end();
    }
  });
  // Sends what is still buffered (nothing, with SimpleSpanProcessor) before the process ends.
  await provider.shutdown();
});
