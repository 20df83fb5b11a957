import type * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';
import { disclosedFieldFlags } from './DisclosedFields.js';

/** Identity attributes to request when creating a Session; each one left out is not requested. */
export const DisclosedFieldsRequest = model('DisclosedFieldsRequest', {}, disclosedFieldFlags);
export type DisclosedFieldsRequest = t.TypeOf<typeof DisclosedFieldsRequest>;
