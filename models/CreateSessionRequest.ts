import * as t from 'io-ts';
import { listOf, model } from '../lib/schema/codecs.js';
import { DisclosedFieldsRequest } from './DisclosedFieldsRequest.js';

/** What createSession sends: the providers to allow, the fields to ask for, and where to send the user afterwards; every field optional. */
export const CreateSessionRequest = model(
  'CreateSessionRequest',
  {},
  {
    /**
     * Launch the identity provider at once, without the Connect Widget. Requires `redirectUrl`
     * and exactly one entry in `providers`.
     */
    launchMethodDirectly: t.boolean,
    /** Where the user is sent after verification; required when `launchMethodDirectly` is true. */
    redirectUrl: t.string,
    /** Allowed identity providers; all when absent. */
    providers: listOf(t.string),
    /** Identity attributes to request; all available when absent. */
    disclosedFields: DisclosedFieldsRequest,
  },
);
export type CreateSessionRequest = t.TypeOf<typeof CreateSessionRequest>;
