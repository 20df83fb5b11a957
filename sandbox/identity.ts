import type {
  Attachments,
  DisclosedFields,
  DisclosedFieldsRequest,
  DocumentData,
  IdentityData,
  PersonData,
} from '../models/index.js';
import { disclosedFieldFlags } from '../models/DisclosedFields.js';
import { DEFAULT_DOCUMENT, DEFAULT_PERSON } from './fixtures.js';
import type { AttachmentKind } from './images.js';

// What a verified user discloses: the identity data the sandbox releases in exchange for a
// results key holds only the fields the Session asked for (its `disclosedFields`).

/** Identity data a test chooses for the user; attachments are the sandbox's to make. */
export interface IdentityInput {
  readonly originatingProviderId?: string;
  readonly person?: PersonData;
  readonly document?: DocumentData;
}

/** The keys of an object, typed as such (a for-in over a generic type keeps its key type). */
export const keysOf = <T extends object>(object: T): Array<Extract<keyof T, string>> => {
  const keys: Array<Extract<keyof T, string>> = [];
  for (const key in object) keys.push(key);
  return keys;
};

// The names come from the model itself, so the sandbox cannot miss a field the spec adds.
const DISCLOSED_FIELD_NAMES = keysOf(disclosedFieldFlags);

/** All fields when the request names none; otherwise exactly those it set to true. */
export const disclosedFieldsFor = (
  request: DisclosedFieldsRequest | undefined,
): DisclosedFields => {
  // Typed as the model, so a field added to the spec cannot be forgotten here.
  const fields: DisclosedFields = {
    idNumber: true,
    givenName: true,
    familyName: true,
    address: true,
    dateOfBirth: true,
    country: true,
    issueDate: true,
    expirationDate: true,
    documentFront: true,
    documentBack: true,
    documentPortrait: true,
    selfie: true,
  };
  if (request === undefined) return fields;
  for (const name of DISCLOSED_FIELD_NAMES) fields[name] = request[name] === true;
  return fields;
};

type Rule = (disclosed: DisclosedFields) => boolean;
const always: Rule = () => true;

// Which requested field releases each property; properties no field covers are always released.
const PERSON_RULES: { readonly [K in keyof PersonData]-?: Rule } = {
  givenName: (d) => d.givenName,
  middleName: (d) => d.givenName,
  familyName: (d) => d.familyName,
  fullName: (d) => d.givenName && d.familyName,
  nationality: (d) => d.country,
  gender: always,
  phoneNumber: always,
  address: (d) => d.address,
  dateOfBirth: (d) => d.dateOfBirth,
};

const DOCUMENT_RULES: { readonly [K in keyof DocumentData]-?: Rule } = {
  type: always,
  number: (d) => d.idNumber,
  issueDate: (d) => d.issueDate,
  expirationDate: (d) => d.expirationDate,
  issuingCountry: (d) => d.country,
};

const disclose = <T extends object>(
  data: T,
  rules: { readonly [K in keyof T]-?: Rule },
  disclosed: DisclosedFields,
): Partial<T> => {
  const out: Partial<T> = {};
  for (const key in rules) {
    if (data[key] !== undefined && rules[key](disclosed)) out[key] = data[key];
  }
  return out;
};

/** The attachment kinds a Session may release: those requested and disclosed. */
export const disclosedKinds = (
  requested: readonly AttachmentKind[],
  disclosed: DisclosedFields,
): AttachmentKind[] => [...new Set(requested)].filter((kind) => disclosed[kind]);

export const buildIdentityData = (
  input: IdentityInput | undefined,
  provider: string,
  disclosed: DisclosedFields,
  attachments: Attachments,
): IdentityData => {
  const identity: IdentityData = {
    originatingProviderId: input?.originatingProviderId ?? provider,
    person: disclose(input?.person ?? DEFAULT_PERSON, PERSON_RULES, disclosed),
    document: disclose(input?.document ?? DEFAULT_DOCUMENT, DOCUMENT_RULES, disclosed),
  };
  return Object.keys(attachments).length > 0 ? { ...identity, attachments } : identity;
};
