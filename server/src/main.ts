import { ConfigError } from './env';
import { startServer } from './server';

/** `npm start`: run Baton until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const running = await startServer(process.env);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // One line, naming the variable, for configuration mistakes.
  if (error instanceof ConfigError) {
    process.stderr.write(`baton: configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(`baton: failed to start: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
});
