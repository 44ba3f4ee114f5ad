import type { KeyRing } from '../../crypto/keyring.js';
import { sealTaxId } from '../../crypto/sealed.js';
import { taxIdShape } from '../cleanup/quality.rules.js';

/** The columns one tax id is stored in: its ciphertext, its blind index (exact lookups,
 * duplicates) and its shape (data-quality candidates). Every write of a tax id goes
 * through here, so the three never disagree. */
export interface StoredTaxId {
  taxId: string | null;
  taxIdHash: Buffer | null;
  taxIdShape: string | null;
}

export function storedTaxId(plain: string | null, ring?: KeyRing): StoredTaxId {
  return { ...sealTaxId(plain, ring), taxIdShape: taxIdShape(plain) };
}
