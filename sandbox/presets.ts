import { DEFAULT_DOCUMENT, DEFAULT_PERSON } from './fixtures.js';
import type { IdentityInput } from './identity.js';
import type { LaunchPreset } from './launchModels.js';

// The sample people the launch page lets a developer verify as: the cases a relying party's
// checks must tell apart. Ages are relative to today, so the person under 18 stays under 18.

export interface Preset {
  readonly label: string;
  /** One line on the page: what is special about this person. */
  readonly description: string;
  readonly identity: (today: Date) => IdentityInput;
}

/** `today` minus `years` (and `days`), as an ISO date. */
const yearsBefore = (today: Date, years: number, days = 0): string => {
  const date = new Date(
    Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - days),
  );
  return date.toISOString().slice(0, 10);
};

export const PRESETS: Readonly<Record<LaunchPreset, Preset>> = {
  adult: {
    label: 'Jane Quinn Sandbox',
    description: 'An adult with a valid driver’s license (the default identity)',
    identity: () => ({ person: DEFAULT_PERSON, document: DEFAULT_DOCUMENT }),
  },
  minor: {
    label: 'Sam Young Sandbox',
    description: 'A person under 18 (16 years old today)',
    identity: (today) => ({
      person: {
        ...DEFAULT_PERSON,
        givenName: 'Sam',
        middleName: 'Young',
        fullName: 'Sam Young Sandbox',
        gender: 'Male',
        phoneNumber: '+15555550166',
        dateOfBirth: yearsBefore(today, 16),
      },
      document: {
        type: 'IdentityCard',
        number: 'M7654321',
        issueDate: yearsBefore(today, 1),
        expirationDate: yearsBefore(today, -4),
        issuingCountry: 'US',
      },
    }),
  },
  'expired-document': {
    label: 'Chris Lapsed Sandbox',
    description: 'An adult whose passport expired a year ago',
    identity: (today) => ({
      person: {
        ...DEFAULT_PERSON,
        givenName: 'Chris',
        middleName: 'Lapsed',
        fullName: 'Chris Lapsed Sandbox',
        gender: 'Unspecified',
        phoneNumber: '+15555550177',
        dateOfBirth: '1975-11-23',
      },
      document: {
        type: 'Passport',
        number: 'P0000451',
        issueDate: yearsBefore(today, 11),
        expirationDate: yearsBefore(today, 1),
        issuingCountry: 'US',
      },
    }),
  },
};
