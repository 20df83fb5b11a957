import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// The backend's memory of who started which verification: a server-side session per visitor,
// found by a random id in an HttpOnly, SameSite cookie (the page's script cannot read it, and
// another site cannot send it with a POST). It holds the id of the Session created for the
// visitor's current attempt, the only one the backend will exchange for them. In memory, bounded
// and expiring, as the example needs; a real deployment keeps it in its own session store.

const COOKIE = 'rp_visitor';
const MAX_VISITORS = 10_000;
const IDLE_MS = 30 * 60 * 1000;

interface Visitor {
  /** The Session created for this visitor's current attempt, if one is under way. */
  sessionId: string | undefined;
  seen: number;
}

export interface VisitorStore {
  /** The id of the Session this request's visitor started, if any. */
  attemptOf(request: IncomingMessage): string | undefined;
  /**
   * Records a new attempt for the visitor (a new visitor when the request has no valid cookie);
   * the Set-Cookie header to send, when there is one to send.
   */
  startAttempt(request: IncomingMessage, sessionId: string): string | undefined;
  /** The attempt is over (its key was exchanged, or it failed): nothing more to exchange. */
  endAttempt(request: IncomingMessage): void;
}

const cookieValue = (request: IncomingMessage): string | undefined => {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === COOKIE && value !== undefined && /^[\w-]{43}$/.test(value)) return value;
  }
  return undefined;
};

export const visitorStore = (now: () => number = Date.now): VisitorStore => {
  // A Map keeps insertion order: the first entries are the least recently seen.
  const visitors = new Map<string, Visitor>();

  const find = (request: IncomingMessage): [string, Visitor] | undefined => {
    const id = cookieValue(request);
    const visitor = id === undefined ? undefined : visitors.get(id);
    if (id === undefined || visitor === undefined) return undefined;
    if (now() - visitor.seen > IDLE_MS) {
      visitors.delete(id);
      return undefined;
    }
    return [id, visitor];
  };

  const touch = (id: string, visitor: Visitor): void => {
    visitor.seen = now();
    visitors.delete(id);
    visitors.set(id, visitor);
    for (const oldest of visitors.keys()) {
      if (visitors.size <= MAX_VISITORS) break;
      visitors.delete(oldest);
    }
  };

  return {
    attemptOf: (request) => find(request)?.[1].sessionId,
    startAttempt: (request, sessionId) => {
      const found = find(request);
      if (found !== undefined) {
        found[1].sessionId = sessionId;
        touch(...found);
        return undefined;
      }
      const id = randomBytes(32).toString('base64url');
      touch(id, { sessionId, seen: now() });
      // Add `Secure` when the site is served over https, as any real deployment is.
      return `${COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${IDLE_MS / 1000}`;
    },
    endAttempt: (request) => {
      const found = find(request);
      if (found !== undefined) found[1].sessionId = undefined;
    },
  };
};
