import type { Dispatcher } from 'undici';
import type { SandboxControl } from '../../sandbox/controlClient.js';
import type { Write } from './transcript.js';

// Where the flow runs and how: the target API and the flow's settings.

export interface FlowTarget {
  /** How the transcript names the target. */
  readonly label: string;
  readonly basePath: string;
  readonly apiKey: string;
  /** The sandbox's control client; undefined for a real API. */
  readonly control: SandboxControl | undefined;
}

export interface FlowOptions {
  readonly dispatcher: Dispatcher;
  readonly write: Write;
  readonly pollIntervalMs: number;
  /** How long to wait for the user to finish the session. */
  readonly pollTimeoutMs: number;
  /** The longest wait honoured for an attachment that is not ready yet. */
  readonly maxAttachmentWaitMs?: number;
}

export interface FlowSummary {
  readonly steps: number;
  readonly ms: number;
}
