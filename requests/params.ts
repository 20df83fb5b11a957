import { pathSegment } from '../lib/schema/scalars.js';
import type { ParamSpec } from '../lib/operation/operation.js';

/** `{sessionId}` in a path: required, non-empty, one segment. */
export const sessionIdParam: ParamSpec<string> = {
  location: { in: 'path' },
  codec: pathSegment,
  required: true,
};
