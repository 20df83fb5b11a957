import { startSoakServer } from './soakServer.js';

// The soak server in a process of its own (started by soak.ts), so that the heap the soak
// measures is the client's alone. It reports its origin over IPC and ends with its parent.

const server = await startSoakServer();

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);

if (process.send) process.send({ type: 'ready', origin: server.origin });
else process.stdout.write(`${server.origin}\n`);
