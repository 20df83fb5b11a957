import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { Session } from './Session.js';

/** The answer to createSession: the new Session and the launch URL that starts it on the user's device (a credential: it is masked in debug output). */
export const CreateSessionResponse = model(
  'CreateSessionResponse',
  { session: Session },
  {
    /** The URL that launches the Session on the user's device. Sensitive: obtainable only once. */
    launchUrl: t.string,
  },
);
export type CreateSessionResponse = t.TypeOf<typeof CreateSessionResponse>;
