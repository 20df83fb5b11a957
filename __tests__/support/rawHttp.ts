import { connect } from 'node:net';

// HTTP/1.1 over a bare socket, for requests no client library would send (a target such as `//[`,
// a method or header it refuses): the bytes go out as written, and the answer is read to the end.

interface RawExchange {
  /** The status of the answer's status line; undefined when the connection closed without one. */
  readonly status: number | undefined;
  /** The whole answer as text: status line, headers and body. */
  readonly text: string;
}

/** Writes `request` to host:port, then reads until the server closes the connection. */
export const exchangeRaw = (
  port: number,
  request: string | Uint8Array,
  timeoutMs = 5_000,
): Promise<RawExchange> =>
  new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no end of answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset after the answer was sent is the server closing; the answer is what counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(text)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), text });
    });
    socket.end(request);
  });

/** The body of a raw answer (after the blank line). */
export const bodyOf = (exchange: RawExchange): string =>
  exchange.text.slice(exchange.text.indexOf('\r\n\r\n') + 4);
