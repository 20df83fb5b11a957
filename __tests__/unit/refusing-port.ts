import { createServer } from 'node:net';

/** The base URL of a port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export const refusingBaseUrl = async (): Promise<string> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  return `http://127.0.0.1:${address.port}`;
};
