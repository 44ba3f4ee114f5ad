import { describe, expect, it } from '@jest/globals';
import { CleanupField } from '../../src/modules/cleanup/cleanup.enums.js';
import {
  countryOfRegion, normalizeCustomer, normalizeEmail, normalizeIndustry, normalizeName, normalizePhone, normalizeRegion, normalizeTaxId,
} from '../../src/modules/cleanup/normalize.js';

describe('canonical forms', () => {
  it('names: NFKC and single spaces, script kept', () => {
    expect(normalizeName('深圳  宏达')).toEqual({ value: '深圳 宏达', valid: true });
    expect(normalizeName('ＡＣＭＥ　Ｌｔｄ ')).toEqual({ value: 'ACME Ltd', valid: true });
    expect(normalizeName('   ')).toEqual({ value: '   ', valid: false });
  });

  it('emails: lower case, Unicode domains in canonical form, invalid ones reported as they are', () => {
    expect(normalizeEmail(' ZHANG@ＢÜCHER.DE ')).toEqual({ value: 'zhang@bücher.de', valid: true });
    expect(normalizeEmail('zhang@xn--bcher-kva.de')).toEqual({ value: 'zhang@bücher.de', valid: true });
    expect(normalizeEmail('zhang at example.com')).toEqual({ value: 'zhang at example.com', valid: false });
    expect(normalizeEmail('a..b@example.com').valid).toBe(false);
    expect(normalizeEmail('')).toEqual({ value: null, valid: false });
  });

  it('phones: E.164 from the forms people type, read in the customer’s country', () => {
    for (const typed of ['138 0013 8000', '+86 138-0013-8000', '0086 13800138000', '１３８００１３８０００', '(138) 0013.8000']) {
      expect(normalizePhone(typed, 'CN')).toEqual({ value: '+8613800138000', valid: true });
    }
    expect(normalizePhone('021-6123 4567', 'CN')).toEqual({ value: '+862161234567', valid: true });
    expect(normalizePhone('(415) 555-2671', 'US')).toEqual({ value: '+14155552671', valid: true });
    expect(normalizePhone('12345', 'CN')).toEqual({ value: '12345', valid: false });
  });

  it('tax ids, regions and industries', () => {
    expect(normalizeTaxId('91 3100 00ma1k4xy12b')).toEqual({ value: '91310000MA1K4XY12B', valid: true });
    expect(normalizeTaxId('x')).toEqual({ value: 'X', valid: false });
    expect(normalizeRegion('cn_sh')).toEqual({ value: 'CN-SH', valid: true });
    expect(normalizeRegion('ＣＮ－ＳＨ')).toEqual({ value: 'CN-SH', valid: true });
    expect(normalizeRegion('Shanghai').valid).toBe(false);
    expect(normalizeIndustry('real estate')).toEqual({ value: 'RealEstate', valid: true });
    expect(normalizeIndustry('SOFTWARE')).toEqual({ value: 'Software', valid: true });
    expect(normalizeIndustry('Banking')).toEqual({ value: 'Banking', valid: false });
    expect(countryOfRegion('us-ca', 'CN')).toBe('US');
    expect(countryOfRegion(null, 'CN')).toBe('CN');
  });

  it('a customer: only valid values that change, the phone read in the region’s country', () => {
    const changes = normalizeCustomer(
      { name: 'Acme  Ltd', email: 'bad email', phone: '(415) 555-2671', taxId: '12-3456789', region: 'us_ca', industry: 'Software' },
      'CN',
    );
    expect(changes).toEqual([
      { field: CleanupField.NAME, before: 'Acme  Ltd', after: 'Acme Ltd' },
      { field: CleanupField.PHONE, before: '(415) 555-2671', after: '+14155552671' },
      { field: CleanupField.REGION, before: 'us_ca', after: 'US-CA' },
    ]);
    // Normalizing twice changes nothing the second time.
    const once = { name: 'Acme Ltd', email: null, phone: '+14155552671', taxId: '12-3456789', region: 'US-CA', industry: 'Software' };
    expect(normalizeCustomer(once, 'CN')).toEqual([]);
  });
});
