import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { CustomerStatus, CustomerTier, CustomerType, LifecycleStage, type VoidReason } from './customer.enums.js';

/**
 * Write model of a customer. Reads go through `customer.reader.ts` (plain SQL into
 * `CustomerRecord`), so lists never pay for identity-map hydration.
 */
@Entity({ tableName: 'customer' })
export class CustomerEntity {
  [OptionalProps]?: 'tier' | 'lifecycleStage' | 'status' | 'tags' | 'createdAt' | 'updatedAt' | 'version' | 'stageOverride';

  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  type!: CustomerType;

  @Property({ type: 'text' })
  tier: CustomerTier = CustomerTier.STANDARD;

  @Property({ type: 'text', nullable: true })
  industry?: string | null;

  @Property({ type: 'text', nullable: true })
  region?: string | null;

  @Property({ type: 'text' })
  lifecycleStage: LifecycleStage = LifecycleStage.NEW;

  @Property({ type: 'text' })
  status: CustomerStatus = CustomerStatus.ACTIVE;

  /** Plain foreign key: the owner is resolved through a per-request DataLoader. */
  @Property({ type: new BigIntType('string'), nullable: true, fieldName: 'owner_id' })
  ownerId?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  /** Ciphertext (`v1:<keyId>:…`, src/crypto/sealed.ts): services write it through
   * `sealTaxId`, which also sets the blind index below. */
  @Property({ type: 'text', nullable: true })
  taxId?: string | null;

  /** Keyed blind index of the normalized tax id, for exact lookups and duplicate detection. */
  @Property({ type: 'blob', nullable: true, fieldName: 'tax_id_hash' })
  taxIdHash?: Buffer | null;

  /** Which data-quality rule the tax id breaks, if any (`taxIdShape`); not the value. */
  @Property({ type: 'text', nullable: true, fieldName: 'tax_id_shape' })
  taxIdShape?: string | null;

  @Property({ type: 'text[]' })
  tags: string[] = [];

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  /** Maintained by database triggers on `interaction`; never written from here. */
  @Property({ type: 'datetime', nullable: true, persist: false })
  lastInteractionAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'text', nullable: true })
  voidReason?: VoidReason | null;

  @Property({ type: 'text', nullable: true })
  voidNote?: string | null;

  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date | null;

  /** Set when a person picks the lifecycle stage: the activity classifier then leaves it. */
  @Property({ type: 'boolean', default: false })
  stageOverride: boolean = false;
}
