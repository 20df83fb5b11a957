import { Agent, Client, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';

// Every request of a nock-based test gets a connection of its own, closed when its answer ends.
//
// Why: undici may open a fresh connection after a request is aborted and leave it idle, and nock's
// socket-level interceptor (@mswjs/interceptors) passes a connection that reads before it writes
// through to the real network. The next request written on that idle connection then fails with
// ENOTFOUND instead of meeting nock: seen once in CI (a timeout test that followed an abort test)
// and reproduced here under CPU load. With no connection outliving its request, no request can
// land on one.

interface Connections {
  readonly dispatcher: Dispatcher;
  /** Destroys the connections still open (requests a test left unanswered). */
  readonly destroyAll: () => Promise<void>;
}

const oneConnectionPerRequest = (): Connections => {
  const open = new Set<Client>();
  // Deferred: destroying a client from inside its own handler callback trips undici's asserts.
  const release = (client: Client) => {
    setImmediate(() => {
      open.delete(client);
      client.destroy().catch(() => undefined);
    });
  };
  const dispatcher = new Agent().compose(() => (options, handler) => {
    if (options.origin === undefined) throw new Error('a request without an origin');
    const client = new Client(options.origin);
    open.add(client);
    return client.dispatch(options, {
      onRequestStart: (controller, context: unknown) => {
        handler.onRequestStart?.(controller, context);
      },
      onRequestUpgrade: (controller, status, headers, socket) => {
        handler.onRequestUpgrade?.(controller, status, headers, socket);
      },
      onResponseStart: (controller, status, headers, message) => {
        handler.onResponseStart?.(controller, status, headers, message);
      },
      onResponseData: (controller, chunk) => {
        handler.onResponseData?.(controller, chunk);
      },
      onResponseEnd: (controller, trailers) => {
        handler.onResponseEnd?.(controller, trailers);
        release(client);
      },
      onResponseError: (controller, error) => {
        handler.onResponseError?.(controller, error);
        release(client);
      },
    });
  });
  const destroyAll = async () => {
    const clients = [...open];
    open.clear();
    await Promise.all(clients.map((client) => client.destroy().catch(() => undefined)));
  };
  return { dispatcher, destroyAll };
};

/**
 * Installs a one-connection-per-request global dispatcher for each test (the SDK's default path
 * looks the global one up per request) and puts the original back after the file.
 */
export const useOneConnectionPerRequest = (): void => {
  let original: Dispatcher | undefined;
  let current: Connections | undefined;
  beforeAll(() => {
    original = getGlobalDispatcher();
  });
  beforeEach(() => {
    current = oneConnectionPerRequest();
    setGlobalDispatcher(current.dispatcher);
  });
  afterEach(async () => {
    await current?.destroyAll();
  });
  afterAll(() => {
    if (original) setGlobalDispatcher(original);
  });
};
