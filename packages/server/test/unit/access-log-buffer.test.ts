import { describe, expect, it } from '@jest/globals';
import { AccessLogBuffer, fieldBits } from '../../src/core/access-log-buffer.js';

/** A request's full reads, as its access-log entry carries them. */
describe('AccessLogBuffer', () => {
  it('writes the fields that read the same records as one read, in the policy order', () => {
    const buffer = new AccessLogBuffer();
    for (const id of ['7', '3', '9']) {
      buffer.record('Customer', 'notes', id);
      buffer.record('Customer', 'email', id);
    }
    buffer.record('Customer', 'email', '3'); // read twice: logged once
    expect(buffer.drain()).toEqual({ reads: [['Customer', 'email,notes', '7,3,9']], recordIds: ['7', '3', '9'] });
    // Drained: nothing is written twice.
    expect(buffer.drain()).toEqual({ reads: [], recordIds: [] });
  });

  it('gives each distinct list of records its own read, and every field its records exactly', () => {
    const buffer = new AccessLogBuffer();
    const customers = buffer.of('Customer');
    const bit = (field: string) => fieldBits('Customer').bitOf(field);
    customers.set('1', bit('email') | bit('phone') | bit('notes'));
    customers.set('2', bit('email') | bit('phone'));
    customers.set('3', bit('notes'));
    buffer.record('Interaction', 'body', '2');
    buffer.record('Interaction', 'body', '5');
    const { reads, recordIds } = buffer.drain();
    expect(reads).toEqual([
      ['Customer', 'email,phone', '1,2'],
      ['Customer', 'notes', '1,3'],
      ['Interaction', 'body', '2,5'],
    ]);
    // Record ids of any type, each once (an interaction may share a customer's number).
    expect(recordIds).toEqual(['1', '2', '3', '5']);
  });

  it('skips types none of whose records had a value read', () => {
    const buffer = new AccessLogBuffer();
    buffer.of('Customer');
    expect(buffer.drain()).toEqual({ reads: [], recordIds: [] });
  });

  it('takes fields outside the policy as they come', () => {
    const buffer = new AccessLogBuffer();
    buffer.record('ArchivedCustomer', 'record', '4');
    buffer.record('ArchivedCustomer', 'email', '4');
    expect(buffer.drain().reads).toEqual([['ArchivedCustomer', 'email,record', '4']]);
  });
});
