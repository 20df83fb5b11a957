import { isLeft } from 'fp-ts/lib/Either.js';
import { Agent } from 'undici';
import { sandboxControl } from '../../sandbox/controlClient.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { runFlow, type FlowTarget } from './run.js';
import type { Write } from './transcript.js';

// `npm start`: the flow against a sandbox started on a free port, or, when the environment names
// a real API (TRINSIC_BASE_URL and TRINSIC_API_KEY), against that. Returns the exit code.

interface Console {
  readonly out: Write;
  readonly err: Write;
}

const seconds = (text: string | undefined, fallback: number): number => {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
};

export const main = async (env: NodeJS.ProcessEnv, io: Console): Promise<number> => {
  // One dispatcher for every request, closed at the end, so no kept-alive socket holds the
  // process open.
  const dispatcher = new Agent();
  let sandbox: Sandbox | undefined;
  try {
    const baseUrl = env.TRINSIC_BASE_URL;
    const apiKey = env.TRINSIC_API_KEY;
    const external =
      baseUrl !== undefined && baseUrl !== '' && apiKey !== undefined && apiKey !== '';
    if (!external && (baseUrl ?? apiKey ?? '') !== '') {
      io.err('Only one of TRINSIC_BASE_URL and TRINSIC_API_KEY is set: using the local sandbox.');
    }
    let target: FlowTarget;
    if (external) {
      target = {
        label: `${baseUrl} (from TRINSIC_BASE_URL)`,
        basePath: baseUrl,
        apiKey,
        control: undefined,
      };
    } else {
      sandbox = await startSandbox();
      target = {
        label: `local sandbox at ${sandbox.url}`,
        basePath: sandbox.url,
        apiKey: sandbox.apiKey,
        control: sandboxControl(sandbox.url, sandbox.apiKey, dispatcher),
      };
    }
    const result = await runFlow(target, {
      dispatcher,
      write: io.out,
      // The sandbox moves one state per second once the user is done; a person takes minutes.
      pollIntervalMs: external ? 3_000 : 200,
      pollTimeoutMs: external ? seconds(env.TRINSIC_FLOW_TIMEOUT_SECONDS, 300) * 1000 : 20_000,
    });
    if (isLeft(result)) {
      io.err('');
      io.err(`The flow failed. ${result.left}`);
      return 1;
    }
    return 0;
  } catch (error) {
    // A bad TRINSIC_BASE_URL, for one: the Configuration refuses it.
    io.err(`The flow could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await dispatcher.close();
    await sandbox?.stop();
  }
};
