import type { ConfigurationParameters } from '../lib/configuration/parameters.js';
import { Configuration, isConfiguration } from './Configuration.js';
import { isRecord } from '../lib/schema/codecs.js';
import { AttachmentsAPI } from './AttachmentsAPI.js';
import { NetworkAPI } from './NetworkAPI.js';
import { SessionsAPI } from './SessionsAPI.js';

/**
 * The entry point: one client per Configuration, its APIs named as in the Go SDK.
 *
 * ```ts
 * const apiClient = new APIClient(new Configuration({ accessToken: process.env.TRINSIC_API_KEY }));
 * ```
 *
 * It also takes the settings themselves (`new APIClient({ accessToken })`), and a Configuration
 * made by another copy of this package (its CommonJS build, say).
 */
export class APIClient {
  /** The settings every request of this client uses. */
  readonly configuration: Configuration;
  /** Sessions: create, get, list, cancel, redact, exchange results. */
  readonly sessionsAPI: SessionsAPI;
  /** Attachments: exchange an attachment access key for its content. */
  readonly attachmentsAPI: AttachmentsAPI;
  /** The Trinsic Network: providers and identity lookup. */
  readonly networkAPI: NetworkAPI;

  /** @throws TypeError when given neither a Configuration nor valid settings. */
  constructor(configuration: Configuration | ConfigurationParameters) {
    this.configuration = configurationOf(configuration);
    this.sessionsAPI = new SessionsAPI(this.configuration);
    this.attachmentsAPI = new AttachmentsAPI(this.configuration);
    this.networkAPI = new NetworkAPI(this.configuration);
  }
}

const configurationOf = (given: unknown): Configuration => {
  if (isConfiguration(given)) return given;
  if (isRecord(given)) {
    // Plain settings; Configuration names each wrong one.
    return new Configuration(given);
  }
  throw new TypeError(
    'APIClient expects a Configuration, as in new APIClient(new Configuration({ accessToken })), ' +
      `or its settings; got ${given === null ? 'null' : typeof given}`,
  );
};
