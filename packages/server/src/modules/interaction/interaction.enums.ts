import { registerEnumType } from 'type-graphql';

export enum InteractionKind {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  VISIT = 'VISIT',
  ORDER = 'ORDER',
  TICKET = 'TICKET',
  COMPLAINT = 'COMPLAINT',
  NOTE = 'NOTE',
}

export enum InteractionChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WECHAT = 'WECHAT',
  IN_PERSON = 'IN_PERSON',
  WEB = 'WEB',
  OTHER = 'OTHER',
}

registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'What happened between the company and the customer.',
  valuesConfig: {
    CALL: { description: 'A phone call.' },
    EMAIL: { description: 'An email exchange.' },
    MEETING: { description: 'A meeting (online or in person).' },
    VISIT: { description: 'A visit to the customer.' },
    ORDER: { description: 'An order; carries an amount and currency.' },
    TICKET: { description: 'A support ticket.' },
    COMPLAINT: { description: 'A complaint.' },
    NOTE: { description: 'An internal note.' },
  },
});
registerEnumType(InteractionChannel, {
  name: 'InteractionChannel',
  description: 'Channel through which an interaction took place.',
  valuesConfig: {
    PHONE: { description: 'Telephone.' },
    EMAIL: { description: 'Email.' },
    WECHAT: { description: 'WeChat.' },
    IN_PERSON: { description: 'Face to face.' },
    WEB: { description: 'Website or web portal.' },
    OTHER: { description: 'Any other channel.' },
  },
});
