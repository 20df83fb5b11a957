import type { Reply } from './reply.js';

// The routing table is data: a method, a path template and a handler per route. Matching tells
// "no such path" (404) from "path exists, not with this method" (405 with Allow).

export type Method = 'GET' | 'POST' | 'DELETE';

export interface RequestContext {
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  /** Where the sandbox is reached, e.g. `http://127.0.0.1:4010`, for URLs it hands out. */
  readonly baseUrl: string;
}

export interface Route {
  readonly method: Method;
  /** A template such as `/api/v1/sessions/{sessionId}/cancel`. */
  readonly path: string;
  /** Whether the route needs `Authorization: Bearer <API key>`. */
  readonly auth: boolean;
  /** Whether the route reads a JSON body. */
  readonly json: boolean;
  /** The SDK's name of the Connect operation this route serves; faults are injected by it. */
  readonly operation?: string;
  readonly handle: (context: RequestContext) => Reply;
}

type Segment = { readonly literal: string } | { readonly param: string };

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly Segment[];
}

export type Match =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allow: readonly Method[] }
  | { readonly kind: 'bad-encoding'; readonly param: string }
  | { readonly kind: 'not-found' };

const compileSegments = (path: string): Segment[] =>
  path
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      return param === undefined ? { literal: part } : { param };
    });

export type Router = (method: string, pathname: string) => Match;

export const router = (routes: readonly Route[]): Router => {
  const compiled: CompiledRoute[] = routes.map((route) => ({
    route,
    segments: compileSegments(route.path),
  }));
  return (method, pathname) => {
    // A trailing slash names the same resource.
    const parts = pathname
      .replace(/(.)\/$/, '$1')
      .split('/')
      .slice(1);
    const allow: Method[] = [];
    for (const { route, segments } of compiled) {
      if (!fits(segments, parts)) continue;
      if (route.method !== method) {
        allow.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, segment] of segments.entries()) {
        if (!('param' in segment)) continue;
        try {
          params[segment.param] = decodeURIComponent(parts[i] ?? '');
        } catch {
          return { kind: 'bad-encoding', param: segment.param };
        }
      }
      return { kind: 'found', route, params };
    }
    return allow.length > 0 ? { kind: 'wrong-method', allow } : { kind: 'not-found' };
  };
};

const fits = (segments: readonly Segment[], parts: readonly string[]): boolean =>
  segments.length === parts.length &&
  segments.every((segment, i) =>
    'literal' in segment ? segment.literal === parts[i] : parts[i] !== '',
  );
