import * as t from 'io-ts';
import { enumeration, model } from '../lib/schema/codecs.js';
import { PERSON_FAIL_CODES } from './lifecycle.js';

// What the launch page sends when the person acts, and the message it gets back: the message
// is the one the page then hands to the frontend, in @trinsic/web-ui's shape.

/** The sample people of the launch page (presets.ts). */
export const LaunchPreset = enumeration('LaunchPreset', {
  adult: 'adult',
  minor: 'minor',
  'expired-document': 'expired-document',
});
export type LaunchPreset = t.TypeOf<typeof LaunchPreset>;

/** The failures a person can cause on the launch page. */
export const LaunchFailCode = enumeration('LaunchFailCode', PERSON_FAIL_CODES);
export type LaunchFailCode = t.TypeOf<typeof LaunchFailCode>;

const common = { clientToken: t.string };

export const LaunchSucceeded = model(
  'LaunchSucceeded',
  { ...common, outcome: t.literal('success') },
  { identity: LaunchPreset, provider: t.string },
);

export const LaunchFailed = model(
  'LaunchFailed',
  { ...common, outcome: t.literal('failure'), failCode: LaunchFailCode },
  { provider: t.string },
);

/** `{ success, msg, sessionId, resultsAccessKey? }`, as @trinsic/web-ui 2.0.1 reads it. */
export const LaunchMessage = model(
  'LaunchMessage',
  { success: t.boolean, msg: t.string, sessionId: t.string },
  { resultsAccessKey: t.string },
);
export type LaunchMessage = t.TypeOf<typeof LaunchMessage>;
