import { describe, expect, it } from '@jest/globals';
import { mask } from '../../src/policy/masking.js';

/** Masks keep a value's shape (readable screens and exports) without revealing it. */
describe('mask', () => {
  it('keeps the first character and the domain of an email', () => {
    expect(mask('email', 'zhang.wei@example.com')).toBe('z***@example.com');
    expect(mask('email', '张伟@例子.中国')).toBe('张***@例子.中国');
    // Not an address at all: nothing of it shows.
    expect(mask('email', 'no-at-sign')).toBe('***');
    expect(mask('email', '@example.com')).toBe('***');
  });

  it('keeps the first three and last four digits of a phone, and its country code and separators', () => {
    expect(mask('phone', '13812345678')).toBe('138****5678');
    expect(mask('phone', '+8613812345678')).toBe('+86138****5678');
    expect(mask('phone', '+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(mask('phone', '+1 415-555-2671')).toBe('+1 415-***-2671');
    // Short numbers keep only their last two digits.
    expect(mask('phone', '12345')).toBe('***45');
  });

  it('shows at most the first two and last four characters of an identifier', () => {
    expect(mask('identifier', '91310000MA1K4XY12B')).toBe(`91${'*'.repeat(12)}Y12B`);
    expect(mask('identifier', 'ABC1234')).toBe('AB*1234');
    expect(mask('identifier', 'ABC123')).toBe('******');
  });

  it('hides amounts entirely and free text but for its first character', () => {
    expect(mask('amount', '1234.50')).toBe('***');
    expect(mask('text', '张三丰 called twice')).toBe('张***');
    expect(mask('text', '')).toBe('');
    // A character outside the BMP stays whole, never half a surrogate pair.
    expect(mask('text', '𠀋 rare name')).toBe('𠀋***');
    expect(mask('email', '😀x@example.com')).toBe('😀***@example.com');
  });

  it('passes null through and never returns the value', () => {
    expect(mask('email', null)).toBeNull();
    expect(mask('phone', undefined)).toBeNull();
    for (const [kind, value] of [['email', 'a@b.cn'], ['phone', '13800138000'], ['identifier', '91310000MA1K4XY12B'], ['text', 'secret']] as const) {
      expect(mask(kind, value)).not.toBe(value);
    }
  });
});
