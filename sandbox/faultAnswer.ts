import type { ServerResponse } from 'node:http';
import type { Fault } from './faults.js';
import { jsonValueReply, messageReply, type Reply } from './reply.js';

// How the server answers a request an injected fault caught (faults.ts says which ones).

export const faultKind = (fault: Fault): 'status' | 'delay' | 'drop' =>
  fault.answer.kind === 'real' ? 'delay' : fault.answer.kind;

/**
 * The answer under `fault`: after its delay, its status, no answer at all (undefined: drop the
 * connection), or the real one. A request whose client leaves during the delay is not handled.
 */
export const faulted = async (
  fault: Fault | undefined,
  response: ServerResponse,
  real: () => Reply,
): Promise<Reply | undefined> => {
  if (fault === undefined) return real();
  if (fault.delayMs > 0 && !(await stillThereAfter(response, fault.delayMs))) return undefined;
  const answer = fault.answer;
  switch (answer.kind) {
    case 'real':
      return real();
    case 'drop':
      return undefined;
    case 'status': {
      const headers: Record<string, string> = {};
      if (answer.retryAfterSeconds !== undefined) {
        headers['retry-after'] = String(answer.retryAfterSeconds);
      }
      return answer.body === undefined
        ? messageReply(
            answer.status,
            `Injected fault: HTTP ${answer.status} from the sandbox`,
            headers,
          )
        : jsonValueReply(answer.status, answer.body, headers);
    }
  }
};

/** Waits `ms`; false as soon as the connection closes (the client gave up, or the sandbox stops). */
const stillThereAfter = (response: ServerResponse, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const gone = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', gone);
      resolve(true);
    }, ms);
    response.once('close', gone);
  });
