import { SessionState, type IdentityData, type Session } from '../../index.js';
import { mask, when } from './transcript.js';

// One line about a Session, a few about identity data, for the transcript (secrets masked).

export const describeSession = (session: Session): string => {
  const failure =
    session.state === SessionState.IdvFailed && session.failCode !== undefined
      ? ` (${session.failCode})`
      : '';
  const provider =
    session.verification.provider === undefined
      ? ''
      : `, provider ${session.verification.provider}`;
  return `${session.state}${failure}${provider}, updated ${when(session.updated)}`;
};

export const describeIdentity = (identity: IdentityData): string[] => {
  const { person, document, attachments } = identity;
  const name =
    person?.fullName ?? [person?.givenName, person?.familyName].filter(Boolean).join(' ');
  return [
    `provider: ${identity.originatingProviderId ?? '(not given)'}`,
    `person: ${name || '(not disclosed)'}, born ${person?.dateOfBirth ?? '(not disclosed)'}, ` +
      `lives in ${person?.address?.city ?? '(not disclosed)'}`,
    `document: ${document?.type ?? 'unknown type'} ${document?.number === undefined ? '' : `no. ${mask(document.number)} `}` +
      `from ${document?.issuingCountry ?? '?'}, expires ${document?.expirationDate ?? '?'}`,
    `attachments: ${
      Object.entries(attachments ?? {})
        .map(([kind, key]) => `${kind} ${mask(key)}`)
        .join(', ') || '(none)'
    }`,
  ];
};
