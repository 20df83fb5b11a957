import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** Attachment Access Keys for attachments (document and selfie images). Each key is a secret. */
export const Attachments = model(
  'Attachments',
  {},
  {
    selfie: t.string,
    documentFront: t.string,
    documentBack: t.string,
    /** A cropped version of the document front showing only the portrait. */
    documentPortrait: t.string,
  },
);
export type Attachments = t.TypeOf<typeof Attachments>;
