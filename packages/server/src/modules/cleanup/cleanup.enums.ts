import { registerEnumType } from 'type-graphql';

/** Customer fields as cleanup names them (merge picks, normalization changes, data-quality issues). */
export enum CleanupField {
  NAME = 'NAME',
  TYPE = 'TYPE',
  TIER = 'TIER',
  INDUSTRY = 'INDUSTRY',
  REGION = 'REGION',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  OWNER = 'OWNER',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  ADDRESS = 'ADDRESS',
  TAX_ID = 'TAX_ID',
  NOTES = 'NOTES',
  TAGS = 'TAGS',
  /** Email and phone together (a customer nobody can reach). */
  CONTACT = 'CONTACT',
  /** Last edit and last interaction together. */
  ACTIVITY = 'ACTIVITY',
}

/** Each field's key on CustomerRecord and its column; pseudo-fields have none. */
export const FIELD_KEYS: Record<CleanupField, { key: string; column: string } | null> = {
  [CleanupField.NAME]: { key: 'name', column: 'name' },
  [CleanupField.TYPE]: { key: 'type', column: 'type' },
  [CleanupField.TIER]: { key: 'tier', column: 'tier' },
  [CleanupField.INDUSTRY]: { key: 'industry', column: 'industry' },
  [CleanupField.REGION]: { key: 'region', column: 'region' },
  [CleanupField.LIFECYCLE_STAGE]: { key: 'lifecycleStage', column: 'lifecycle_stage' },
  [CleanupField.OWNER]: { key: 'ownerId', column: 'owner_id' },
  [CleanupField.EMAIL]: { key: 'email', column: 'email' },
  [CleanupField.PHONE]: { key: 'phone', column: 'phone' },
  [CleanupField.ADDRESS]: { key: 'address', column: 'address' },
  [CleanupField.TAX_ID]: { key: 'taxId', column: 'tax_id' },
  [CleanupField.NOTES]: { key: 'notes', column: 'notes' },
  [CleanupField.TAGS]: { key: 'tags', column: 'tags' },
  [CleanupField.CONTACT]: null,
  [CleanupField.ACTIVITY]: null,
};

export enum DataQualityProblem {
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_PHONE = 'INVALID_PHONE',
  INVALID_TAX_ID = 'INVALID_TAX_ID',
  INVALID_CODE = 'INVALID_CODE',
  NOT_NORMALIZED = 'NOT_NORMALIZED',
  MISSING_CONTACT = 'MISSING_CONTACT',
  PLACEHOLDER = 'PLACEHOLDER',
  OUTDATED = 'OUTDATED',
  CONFLICTING = 'CONFLICTING',
}

export enum DataQualityAction {
  APPLY_SUGGESTION = 'APPLY_SUGGESTION',
  DISMISS = 'DISMISS',
}

registerEnumType(CleanupField, {
  name: 'CleanupField',
  description: 'A customer field as data cleanup names it.',
  valuesConfig: {
    NAME: { description: 'Company or person name.' },
    TYPE: { description: 'Customer type.' },
    TIER: { description: 'Value tier.' },
    INDUSTRY: { description: 'Industry key.' },
    REGION: { description: 'ISO 3166-2 region code.' },
    LIFECYCLE_STAGE: { description: 'Lifecycle stage.' },
    OWNER: { description: 'Owning user.' },
    EMAIL: { description: 'Contact email.' },
    PHONE: { description: 'Contact phone.' },
    ADDRESS: { description: 'Postal address.' },
    TAX_ID: { description: 'Tax identification number.' },
    NOTES: { description: 'Internal notes.' },
    TAGS: { description: 'Classification tags.' },
    CONTACT: { description: 'Email and phone together (data-quality issues only).' },
    ACTIVITY: { description: 'Last edit and last interaction together (data-quality issues only).' },
  },
});

registerEnumType(DataQualityProblem, {
  name: 'DataQualityProblem',
  description: 'What is wrong with a customer value.',
  valuesConfig: {
    INVALID_EMAIL: { description: 'Not a deliverable email address (syntax or domain).' },
    INVALID_PHONE: { description: 'Not a valid number in its country’s numbering plan.' },
    INVALID_TAX_ID: { description: 'Not a valid tax id (for Chinese regions: not a unified social credit code).' },
    INVALID_CODE: { description: 'Region or industry is not one of the fixed codes.' },
    NOT_NORMALIZED: { description: 'Valid, but not in its canonical form; the suggestion is the canonical form.' },
    MISSING_CONTACT: { description: 'Neither an email nor a phone number.' },
    PLACEHOLDER: { description: 'A placeholder such as "test" or "111111" instead of a real value.' },
    OUTDATED: { description: 'Neither edited nor contacted for longer than the threshold.' },
    CONFLICTING: { description: 'Contradicts another field (e.g. a phone from another country than the region).' },
  },
});

registerEnumType(DataQualityAction, {
  name: 'DataQualityAction',
  description: 'How to resolve data-quality issues.',
  valuesConfig: {
    APPLY_SUGGESTION: { description: 'Write the suggested value (issues without a suggestion are refused).' },
    DISMISS: { description: 'Not a problem: hide the issue while the value stays as it is.' },
  },
});
