import { messageReply, type Reply, validationReply } from './reply.js';
import type { StoreError } from './storeErrors.js';
import { problem } from './validation.js';

/** The HTTP answer to a store refusal. */
export const storeErrorReply = (error: StoreError): Reply => {
  switch (error.kind) {
    case 'not-found':
      return messageReply(404, error.message);
    case 'invalid':
      return validationReply([problem(error.member, error.message)]);
    case 'conflict':
      return messageReply(409, error.message);
  }
};
