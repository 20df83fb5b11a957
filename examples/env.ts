// What the examples share: where the API is and which key to use, each example's inputs (all
// from the environment), how a result is printed, in the words of the Go SDK's examples, and how
// an example runs. Not an example itself: copy it along with the example you take.
// Needs trinsic-connect-sdk and its peers fp-ts and io-ts; no top-level await, so it runs as it is
// in an ES module project and in a CommonJS one.
import type {
  ConfigurationParameters,
  ConnectError,
  RequestTraceContext,
} from 'trinsic-connect-sdk';

/** TRINSIC_BASE_URL (default: the production API) and TRINSIC_API_KEY. */
export const connection = (): ConfigurationParameters => ({
  basePath: process.env.TRINSIC_BASE_URL,
  // Unset: no Authorization header is sent, and the API answers 401.
  accessToken: process.env.TRINSIC_API_KEY,
});

/** Runs an example; a mistake in it (a wrong setting, say) is printed and sets the exit code. */
export const run = (example: () => Promise<void>): void => {
  example().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
};

/** An input of the example: the environment variable `name`, else the Go example's placeholder. */
export const input = (name: string, placeholder: string): string =>
  process.env[name] ?? placeholder;

/** Prints what came back: text as it is, anything else as JSON. */
export const printResponse =
  (operation: string) =>
  (shown: unknown): void => {
    const text = typeof shown === 'string' ? shown : JSON.stringify(shown, null, 2);
    console.log(`Response from \`${operation}\`: ${text}`);
  };

// An error answer's body is shown up to this length; a success body never (see below).
const MAX_SHOWN_BODY = 1000;

/** Prints the error and what the server answered, if it did, then sets the exit code to 1. */
export const printError =
  (operation: string) =>
  (error: ConnectError): void => {
    console.error(`Error when calling \`${operation}\`: ${error.message}`);
    if (error._tag === 'HttpError') {
      const body = Buffer.from(error.response.body).toString('utf8');
      console.error(`Full HTTP response: status ${error.status}, body: ${cut(body)}`);
    } else if (error._tag === 'DecodeError') {
      // A success body can hold secrets (access keys, the launch URL): its size only.
      const { status, body } = error.response;
      console.error(`Full HTTP response: status ${status}, ${body.length} bytes`);
    }
    process.exitCode = 1;
  };

const cut = (text: string): string =>
  text.length > MAX_SHOWN_BODY ? `${text.slice(0, MAX_SHOWN_BODY)}…` : text || '(empty)';

/**
 * Whether a message of the request TracingChannel is the SDK's context object. The channel is
 * opened without type arguments (their order differs between @types/node 24 and 26), so its
 * messages are plain objects: a subscriber narrows them with this rather than a cast.
 */
export const isCallContext = (message: object): message is RequestTraceContext =>
  'operation' in message &&
  typeof message.operation === 'string' &&
  'method' in message &&
  typeof message.method === 'string' &&
  'path' in message &&
  typeof message.path === 'string';
