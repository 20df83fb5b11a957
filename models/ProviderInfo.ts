import * as t from 'io-ts';
import { model } from '../lib/schema/codecs.js';

/** A provider that can be named when creating a Session. */
export const ProviderInfo = model(
  'ProviderInfo',
  {
    id: t.string,
    /** The friendly, human-readable name. */
    name: t.string,
    logoUrl: t.string,
  },
  {},
);
export type ProviderInfo = t.TypeOf<typeof ProviderInfo>;
