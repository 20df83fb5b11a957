// A Cloudflare Worker that starts identity verifications: POST / creates a Connect Session and
// answers with its id and the launch URL the user's device opens. On Workers the SDK sends
// through the runtime's own fetch (no undici, nothing Node-specific in the bundle).
//
// Deploy it as it is, from this folder of a project that has the package installed:
//   npm install trinsic-connect-sdk fp-ts io-ts && npm install --save-dev wrangler
//   npx wrangler secret put TRINSIC_API_KEY
//   npx wrangler deploy
// `npx wrangler dev` runs it locally; a TRINSIC_BASE_URL variable sends it elsewhere than
// https://connect.trinsic.id (a sandbox, say).
import { APIClient, Configuration } from 'trinsic-connect-sdk';

/** The Worker's bindings: a secret, and an optional variable. */
export interface Env {
  readonly TRINSIC_API_KEY: string;
  readonly TRINSIC_BASE_URL?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== 'POST') {
      return new Response('POST here to create a verification session\n', {
        status: 405,
        headers: { allow: 'POST' },
      });
    }
    const client = new APIClient(
      new Configuration({ accessToken: env.TRINSIC_API_KEY, basePath: env.TRINSIC_BASE_URL }),
    );
    const result = await client.sessionsAPI.createSession().createSessionRequest({}).execute();
    if (result._tag === 'Left') {
      // The message names the failure and never holds the API key (the SDK scrubs it).
      return Response.json(
        { error: result.left._tag, message: result.left.message },
        { status: 502 },
      );
    }
    const { session, launchUrl } = result.right.data;
    return Response.json({ sessionId: session.id, launchUrl });
  },
};
