import { registerEnumType } from 'type-graphql';

export enum ExportResource {
  CUSTOMERS = 'CUSTOMERS',
  ARCHIVED_CUSTOMERS = 'ARCHIVED_CUSTOMERS',
  INTERACTIONS = 'INTERACTIONS',
  AUDIT_EVENTS = 'AUDIT_EVENTS',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

export enum ExportLanguage {
  EN = 'EN',
  ZH_CN = 'ZH_CN',
}

registerEnumType(ExportResource, {
  name: 'ExportResource',
  description: 'What an export contains.',
  valuesConfig: {
    CUSTOMERS: { description: 'Live customers (the customers list filter).' },
    ARCHIVED_CUSTOMERS: { description: 'Archived customers (the archived customers filter).' },
    INTERACTIONS: { description: 'Live interactions (the interactions filter).' },
    AUDIT_EVENTS: { description: 'Audit log entries (the audit events filter).' },
  },
});

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'File format of an export.',
  valuesConfig: {
    CSV: { description: 'UTF-8 CSV with a byte-order mark (opens correctly in Excel), RFC 4180 quoting.' },
    XLSX: { description: 'Excel workbook, one sheet.' },
  },
});

registerEnumType(ExportLanguage, {
  name: 'ExportLanguage',
  description: 'Language of the column headers.',
  valuesConfig: { EN: { description: 'English headers.' }, ZH_CN: { description: 'Simplified Chinese headers.' } },
});
