// Kept in step with package.json by a test; read at build time, not from disk at run time.
export const SDK_NAME = 'trinsic-connect-sdk';
export const SDK_VERSION = '0.1.0';
export const USER_AGENT = `${SDK_NAME}/${SDK_VERSION} (typescript; node ${process.versions.node})`;
