import { Agent } from 'undici';
import { APIClient, Configuration, type ConfigurationParameters } from '../../index.js';

export const API_KEY = 'sk_test_fault_injection_0123456789';

/**
 * A client of its own Agent (closed after the test, so no keep-alive socket outlives it), with
 * short backoffs so that retry tests run fast without changing what is retried.
 */
export const clientFor = (basePath: string, parameters: ConfigurationParameters = {}) => {
  const dispatcher = new Agent();
  const client = new APIClient(
    new Configuration({
      basePath,
      accessToken: API_KEY,
      dispatcher,
      retryBaseDelayMs: 10,
      retryMaxDelayMs: 40,
      ...parameters,
    }),
  );
  return { client, close: () => dispatcher.close() };
};
