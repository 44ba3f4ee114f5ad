import { registerEnumType } from 'type-graphql';

export enum SubjectRequestKind {
  ACCESS = 'ACCESS',
  CORRECTION = 'CORRECTION',
  ERASURE = 'ERASURE',
}

export enum SubjectRequestRegime {
  GDPR = 'GDPR',
  PIPL = 'PIPL',
}

export enum SubjectRequestStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  FULFILLED = 'FULFILLED',
  REJECTED = 'REJECTED',
}

export const OPEN_STATUSES: readonly SubjectRequestStatus[] = [SubjectRequestStatus.OPEN, SubjectRequestStatus.IN_PROGRESS];

export enum SubjectLanguage {
  EN = 'EN',
  ZH_CN = 'ZH_CN',
}

export enum SubjectExportFormat {
  JSON = 'JSON',
  HTML = 'HTML',
}

export enum SubjectRequestStepAction {
  RECEIVED = 'RECEIVED',
  EXPORT_QUEUED = 'EXPORT_QUEUED',
  EXPORT_READY = 'EXPORT_READY',
  EXPORT_DOWNLOADED = 'EXPORT_DOWNLOADED',
  CORRECTED = 'CORRECTED',
  ERASED = 'ERASED',
  FULFILLED = 'FULFILLED',
  REJECTED = 'REJECTED',
}

/** Why a customer record is taken to be about the subject. */
export enum SubjectMatchReason {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  TAX_ID = 'TAX_ID',
  /** Corroborates only: a name alone never makes a match (two people share names). */
  NAME = 'NAME',
  /** Merged with a matching record (a merge in force says they are one customer). */
  MERGE = 'MERGE',
}

registerEnumType(SubjectRequestKind, {
  name: 'SubjectRequestKind',
  description: 'What the person asks for.',
  valuesConfig: {
    ACCESS: { description: 'A copy of everything held about them (GDPR Art. 15, PIPL Art. 45).' },
    CORRECTION: { description: 'Correction of inaccurate data (GDPR Art. 16, PIPL Art. 46).' },
    ERASURE: { description: 'Erasure of their personal data (GDPR Art. 17, PIPL Art. 47).' },
  },
});

registerEnumType(SubjectRequestRegime, {
  name: 'SubjectRequestRegime',
  description: 'The law the request is made under; it sets the due date.',
  valuesConfig: {
    GDPR: { description: 'EU General Data Protection Regulation: one month from receipt.' },
    PIPL: { description: 'China\u2019s Personal Information Protection Law: 15 working days from receipt.' },
  },
});

registerEnumType(SubjectRequestStatus, {
  name: 'SubjectRequestStatus',
  description: 'Where a data-subject request is.',
  valuesConfig: {
    OPEN: { description: 'Recorded; nothing done yet.' },
    IN_PROGRESS: { description: 'An export was built or a correction or erasure made.' },
    FULFILLED: { description: 'Answered; the identifiers are kept only masked.' },
    REJECTED: { description: 'Refused, with the reason; the identifiers are kept only masked.' },
  },
});

registerEnumType(SubjectLanguage, {
  name: 'SubjectLanguage',
  description: 'The language the subject is answered in (the export\u2019s summary).',
  valuesConfig: { EN: { description: 'English.' }, ZH_CN: { description: 'Simplified Chinese.' } },
});

registerEnumType(SubjectExportFormat, {
  name: 'SubjectExportFormat',
  description: 'Which file of a subject access export to download.',
  valuesConfig: {
    JSON: { description: 'The complete bundle, machine-readable.' },
    HTML: { description: 'A readable summary in the subject\u2019s language.' },
  },
});

registerEnumType(SubjectRequestStepAction, {
  name: 'SubjectRequestStepAction',
  description: 'One thing done for a data-subject request.',
  valuesConfig: {
    RECEIVED: { description: 'The request was recorded.' },
    EXPORT_QUEUED: { description: 'A subject access export was started.' },
    EXPORT_READY: { description: 'The export finished and can be downloaded.' },
    EXPORT_DOWNLOADED: { description: 'A file of the export was downloaded.' },
    CORRECTED: { description: 'A customer record was corrected.' },
    ERASED: { description: 'A customer\u2019s personal data was erased.' },
    FULFILLED: { description: 'The request was closed as answered.' },
    REJECTED: { description: 'The request was refused.' },
  },
});

registerEnumType(SubjectMatchReason, {
  name: 'SubjectMatchReason',
  description: 'Why a customer record is taken to be about the subject.',
  valuesConfig: {
    EMAIL: { description: 'Same email address (normalized as duplicate detection does).' },
    PHONE: { description: 'Same phone number (digits, without prefixes).' },
    TAX_ID: { description: 'Same tax id (compared through its blind index).' },
    NAME: { description: 'Same name; corroborates only, never a match on its own.' },
    MERGE: { description: 'Merged with a matching record.' },
  },
});
