import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { stringMinLength } from '../lib/schema/scalars.js';

// Not a schema of the spec: what the launch page hands back to the frontend (as a message or a
// redirect's query), as @trinsic/web-ui 2.0.1 receives it, once read by parseLaunchResult.

/** The person finished with success: exchange the key for the identity data on the backend. */
export const LaunchSuccess = model(
  'LaunchSuccess',
  { success: t.literal(true), sessionId: stringMinLength(1), resultsAccessKey: stringMinLength(1) },
  {},
);
export type LaunchSuccess = t.TypeOf<typeof LaunchSuccess>;

/** Anything else: a failure (`msg: 'failed'`) or the person closed the page (`'user-closed'`). */
export const LaunchFailure = model(
  'LaunchFailure',
  { success: t.literal(false) },
  { sessionId: t.string, msg: t.string },
);
export type LaunchFailure = t.TypeOf<typeof LaunchFailure>;

/** What a launch URL hands back: a {@link LaunchSuccess} or a {@link LaunchFailure}. */
export const LaunchResult = t.union([LaunchSuccess, LaunchFailure], 'LaunchResult');
/** A launch result, as `parseLaunchResult` returns it. */
export type LaunchResult = t.TypeOf<typeof LaunchResult>;
