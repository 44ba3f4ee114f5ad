import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeError } from '../src/data-provider/errors.ts';
import { KNOWN_REASONS, fieldMessage } from '../src/data-provider/refusals.ts';
import { ownChinese, ownEnglish } from '../src/i18n/catalogues.ts';

const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('refusals in the dashboard\'s words (issue 18)', () => {
  it('has words for every reason it maps, in both languages', () => {
    for (const reason of KNOWN_REASONS) {
      for (const messages of [ownEnglish, ownChinese]) {
        assert.equal(typeof lookup(messages, `custos.refusals.reasons.${reason}`), 'string', reason);
      }
    }
  });

  it('maps the server\'s field texts to catalogue messages with their numbers', () => {
    const cases: [string, string, Record<string, unknown>?][] = [
      ['notes must be shorter than or equal to 10000 characters', 'too_long', { max: 10000 }],
      ['reason must be longer than or equal to 3 characters', 'too_short', { min: 3 }],
      ['reason must not be blank', 'required'],
      ['email must be a valid email address', 'email'],
      ['phone must be a phone number such as +86 138 0013 8000', 'phone'],
      ['already in use', 'taken'],
      ['must not be in the future', 'not_future'],
      ['must be in the future', 'future'],
      ['explain the reason when it is OTHER', 'note_for_other'],
      ['something the dashboard has never seen', 'invalid'],
    ];
    for (const [text, key, args] of cases) {
      const m = fieldMessage(text);
      assert.equal(m.message, `custos.refusals.field.${key}`, text);
      assert.deepEqual(m.args, args, text);
      for (const messages of [ownEnglish, ownChinese]) assert.equal(typeof lookup(messages, m.message), 'string', m.message);
    }
  });

  it('never puts the server\'s English in the message react-admin shows', () => {
    const variable = normalizeError({ graphQLErrors: [{ message: 'Variable "$input" got invalid value {}; Field "reason" of required type "VoidReason!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } }] });
    assert.equal(variable.message, 'custos.errors.bad_input');
    const unknown = normalizeError({ graphQLErrors: [{ message: 'Something new', extensions: { code: 'INVALID_STATE', reason: 'SOMETHING_NEW' } }] });
    assert.equal(unknown.message, 'custos.errors.invalid_state');
    const hold = normalizeError({ graphQLErrors: [{ message: 'Customer 4 is under legal hold', extensions: { code: 'INVALID_STATE', reason: 'LEGAL_HOLD' } }] });
    assert.equal(hold.message, 'custos.refusals.reasons.LEGAL_HOLD');
    const taken = normalizeError({ graphQLErrors: [{ message: 'Invalid', extensions: { code: 'BAD_USER_INPUT', reason: 'CUSTOMER_CODE_TAKEN', fields: [{ field: 'input.code', message: 'already in use' }] } }] });
    assert.deepEqual(taken.body.fields, [{ field: 'code', message: 'custos.refusals.field.taken' }]);
  });
});
