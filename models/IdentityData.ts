import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { Attachments } from './Attachments.js';
import { DocumentData } from './DocumentData.js';
import { PersonData } from './PersonData.js';

/** The verified identity: the originating provider, the person, the document, and keys to the attachments. */
export const IdentityData = model(
  'IdentityData',
  {},
  {
    /** The integration the data came from (e.g. "yoti", "clear"). */
    originatingProviderId: t.string,
    /** The individual who was verified. */
    person: PersonData,
    /** The document involved in verification, if relevant. */
    document: DocumentData,
    /** Access keys for document and selfie images. */
    attachments: Attachments,
  },
);
export type IdentityData = t.TypeOf<typeof IdentityData>;
