import type { Configuration } from '../lib/configuration.js';
import { AttachmentsAPI } from './AttachmentsAPI.js';
import { NetworkAPI } from './NetworkAPI.js';
import { SessionsAPI } from './SessionsAPI.js';

/** The entry point: one client per Configuration, its APIs named as in the Go SDK. */
export class APIClient {
  readonly sessionsAPI: SessionsAPI;
  readonly attachmentsAPI: AttachmentsAPI;
  readonly networkAPI: NetworkAPI;

  constructor(readonly configuration: Configuration) {
    this.sessionsAPI = new SessionsAPI(configuration);
    this.attachmentsAPI = new AttachmentsAPI(configuration);
    this.networkAPI = new NetworkAPI(configuration);
  }
}
