import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldMessage } from '../src/data-provider/refusals.ts';
import { duplicateCheckInput, percent, verdict, type PossibleDuplicate } from '../src/resources/customers/duplicates.ts';

const all = () => true;
const match = (actions: string[]): PossibleDuplicate => ({
  visible: true,
  score: 0.85,
  customer: { id: '7', code: 'C-7', name: 'Acme', region: 'CN-SH' },
  reasons: actions.map((action) => ({ kind: 'PHONE', score: 0.85, action })) as PossibleDuplicate['reasons'],
});

describe('duplicate warning on the customer form (issue 22)', () => {
  it('checks a new customer with everything typed, trimmed, and nothing when only a region is given', () => {
    assert.deepEqual(
      duplicateCheckInput({ name: ' Acme ', region: 'CN-SH', email: '', phone: '138 0013 8000', taxId: undefined }, undefined, all),
      { name: 'Acme', region: 'CN-SH', phone: '138 0013 8000' },
    );
    assert.equal(duplicateCheckInput({ region: 'CN-SH' }, undefined, all), null);
    assert.equal(duplicateCheckInput({}, undefined, all), null);
  });

  it('leaves out fields the role may not write (the server refuses probing them)', () => {
    const input = duplicateCheckInput({ name: 'Acme', taxId: '91310000MA1FL8XQ3X' }, undefined, (f) => f !== 'taxId');
    assert.deepEqual(input, { name: 'Acme' });
  });

  it('checks an edited customer only with what changed, name and region together, and names the customer', () => {
    const original = { id: '5', name: 'Acme', region: 'CN-SH', email: 'a@x.cn', phone: '+8613800138000' };
    assert.equal(duplicateCheckInput({ ...original }, original, all), null);
    assert.deepEqual(duplicateCheckInput({ ...original, email: 'b@x.cn' }, original, all), { email: 'b@x.cn', id: '5' });
    assert.deepEqual(duplicateCheckInput({ ...original, region: 'CN-BJ' }, original, all), { name: 'Acme', region: 'CN-BJ', id: '5' });
  });

  it('says a save would be refused only when a reason’s rule is BLOCK', () => {
    assert.deepEqual(verdict(undefined), { matches: [], blocked: false });
    assert.equal(verdict([match(['WARN'])]).blocked, false);
    assert.equal(verdict([match(['WARN']), match(['WARN', 'BLOCK'])]).blocked, true);
    assert.equal(percent(0.855), '86%');
    assert.equal(percent(1.2), '100%');
  });

  it('has words for the gate’s and the import rows’ field texts', () => {
    const cases: [string, string][] = [
      ['PHONE: matches 1 existing customer(s), and the duplicate rule blocks it', 'duplicate_blocked'],
      ['the duplicate rule for PHONE, EMAIL blocks it', 'duplicate_blocked'],
      ['the matching customer is not yours to update', 'duplicate_not_yours'],
      ['unknown type "公司" (ENTERPRISE, SMB or INDIVIDUAL)', 'unknown_type'],
      ['unknown tier "VIP" (KEY_ACCOUNT, LONG_TERM or STANDARD)', 'unknown_tier'],
      ['unknown industry "x"', 'unknown_industry'],
      ['is not a valid tax id', 'tax_id'],
      ['is not a valid phone number', 'phone'],
      ['is required', 'required'],
    ];
    for (const [text, key] of cases) assert.equal(fieldMessage(text).message, `custos.refusals.field.${key}`, text);
  });
});
