import { runtimeLabel } from '../lib/http/runtime.js';

// Kept in step with package.json by a test; read at build time, not from disk at run time.

/** The package's name, as the User-Agent gives it. */
const SDK_NAME = 'trinsic-connect-sdk';

/** This package's version. */
export const SDK_VERSION = '0.1.0';

/** The User-Agent sent unless the configuration sets another: the SDK, its version, the runtime. */
export const USER_AGENT = `${SDK_NAME}/${SDK_VERSION} (typescript; ${runtimeLabel()})`;
