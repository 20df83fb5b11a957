import type { DocumentData, PersonData, ProviderInfo } from '../models/index.js';
import { logoDataUrl } from './images.js';

// The sandbox's fixed data: the providers it offers, and the person it verifies when a test
// completes a session with no identity data of its own.

export const PROVIDERS: readonly ProviderInfo[] = [
  { id: 'yoti', name: 'Yoti (sandbox)', logoUrl: logoDataUrl([0, 150, 200]) },
  { id: 'clear', name: 'CLEAR (sandbox)', logoUrl: logoDataUrl([0, 90, 160]) },
  { id: 'mdl', name: "Mobile Driver's License (sandbox)", logoUrl: logoDataUrl([40, 160, 90]) },
];

export const PROVIDER_IDS: ReadonlySet<string> = new Set(PROVIDERS.map((p) => p.id));

export const DEFAULT_PERSON: PersonData = {
  givenName: 'Jane',
  middleName: 'Quinn',
  familyName: 'Sandbox',
  fullName: 'Jane Quinn Sandbox',
  dateOfBirth: '1990-04-01',
  nationality: 'US',
  gender: 'Female',
  phoneNumber: '+15555550123',
  address: {
    line1: '1 Loopback Lane',
    city: 'Localhost',
    state: 'CA',
    postalCode: '94000',
    country: 'US',
    fullAddress: '1 Loopback Lane, Localhost, CA 94000, US',
  },
};

export const DEFAULT_DOCUMENT: DocumentData = {
  type: 'DriversLicense',
  number: 'S1234567',
  issueDate: '2020-04-01',
  expirationDate: '2030-04-01',
  issuingCountry: 'US',
};
