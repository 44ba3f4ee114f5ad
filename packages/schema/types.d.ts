// Generated from schema.graphql by `pnpm --filter @custos/schema generate`. Do not edit.
// Nullable fields are `T | null`; optional input fields may also be left out.

/** Scalars as they travel in JSON. */
export interface Scalars {
  /** The `Boolean` scalar type represents `true` or `false`. */
  Boolean: boolean;
  /** An RFC 3339 timestamp with time zone and up to microsecond precision, e.g. 2026-01-31T09:30:00.123456Z, within 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z. */
  DateTime: string;
  /** An exact decimal number as a string, e.g. "1999.90" (at most 12 integer digits and 2 decimals). */
  Decimal: string;
  /** The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point). */
  Float: number;
  /** The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `"4"`) or integer (such as `4`) input value will be accepted as an ID. */
  ID: string;
  /** The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1. */
  Int: number;
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: unknown;
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: Record<string, unknown>;
  /** The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text. */
  String: string;
}

/** An operation that can need a second person (APPROVAL_REQUIRED; PURGE_NOW always does). */
export type ApprovalOperation =
  /** Purge one customer at once, skipping the recycle bin’s countdown. */
  | 'PURGE_NOW'
  /** Erase one customer’s personal data (erasePersonalData). */
  | 'ERASE_PERSONAL_DATA'
  /** Archive APPROVAL_BULK_ARCHIVE_MIN customers or more at once (archiveCustomers). */
  | 'ARCHIVE_CUSTOMERS'
  /** Restore archived customers, one of them under legal hold (restoreCustomers). */
  | 'RESTORE_HELD'
  /** Turn an archive policy on, so it runs on its schedule. */
  | 'ENABLE_ARCHIVE_POLICY'
  /** Re-encrypt sensitive values under the current key (startKeyRotation). */
  | 'ROTATE_ENCRYPTION_KEYS';

/** The dry run made when the request was recorded: what the operation would touch. */
export interface ApprovalPreview {
  __typename?: 'ApprovalPreview';
  /** Customers it would change (or re-encrypt, for key rotation). */
  customers: Scalars['Int'];
  /** Interactions that go with them. */
  interactions: Scalars['Int'];
  /** Of those customers, how many are under legal hold. */
  held: Scalars['Int'];
}

/** A four-eyes request: an operation, its parameters and preview, waiting for (or past) a second person’s decision. */
export interface ApprovalRequest extends Node {
  __typename?: 'ApprovalRequest';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** What it asks to run. */
  operation: ApprovalOperation;
  /** Where it is now. */
  state: ApprovalState;
  /** Why the requester asks (the run’s audit events carry it). */
  reason: Scalars['String'];
  /** Counts from the dry run made when it was recorded. */
  preview: ApprovalPreview;
  /** When it was asked for. */
  requestedAt: Scalars['DateTime'];
  /** After this it can no longer be approved (APPROVAL_EXPIRY_HOURS). */
  expiresAt: Scalars['DateTime'];
  /** When it was approved or rejected. */
  decidedAt: Scalars['DateTime'] | null;
  /** What the second person said. */
  decisionNote: Scalars['String'] | null;
  /** When the operation ran. */
  executedAt: Scalars['DateTime'] | null;
  /** The customers it applies to (ids; `archivedCustomer` takes them too), if any. (Customer global id.) */
  customerIds: Array<Scalars['ID']>;
  /** The archive policy it applies to (ENABLE_ARCHIVE_POLICY). (ArchivePolicy global id.) */
  policyId: Scalars['ID'] | null;
  /** Who asked. */
  requestedBy: User | null;
  /** Who approved or rejected it. */
  decidedBy: User | null;
  /** The job that runs (or ran) it, once approved; null when you may not read jobs. */
  job: Job | null;
  /** Whether you may approve or reject it now: someone else’s, pending, an operation you may run. */
  canDecide: Scalars['Boolean'];
  /** Whether you may withdraw it now (your own, undecided). */
  canCancel: Scalars['Boolean'];
  /** After the run: the error code when the operation was refused (FAILED), else null. */
  failure: Scalars['String'] | null;
}

/** Four-eyes requests and how many there are in each state. */
export interface ApprovalRequestList {
  __typename?: 'ApprovalRequestList';
  /** The requests asked for: newest first, at most `first`. */
  nodes: Array<ApprovalRequest>;
  /** Waiting for a decision (not expired). */
  pendingCount: Scalars['Int'];
  /** Waiting for a decision that you may make (someone else’s, an operation you may run). */
  awaitingYouCount: Scalars['Int'];
  /** Approved and not yet run. */
  approvedCount: Scalars['Int'];
  /** Run. */
  executedCount: Scalars['Int'];
  /** Rejected. */
  rejectedCount: Scalars['Int'];
  /** Withdrawn by the requester. */
  cancelledCount: Scalars['Int'];
  /** Expired without a decision. */
  expiredCount: Scalars['Int'];
  /** Refused when they ran. */
  failedCount: Scalars['Int'];
}

/** Result of requestApproval, approveRequest, rejectRequest and cancelApprovalRequest. */
export interface ApprovalRequestPayload {
  __typename?: 'ApprovalRequestPayload';
  /** The request as it is now. */
  request: ApprovalRequest;
}

/** Where a four-eyes request is. */
export type ApprovalState =
  /** Waiting for a second person until `expiresAt`. */
  | 'PENDING'
  /** Approved; its job is about to run the operation. */
  | 'APPROVED'
  /** Rejected by a second person; it never runs. */
  | 'REJECTED'
  /** Withdrawn by the person who asked. */
  | 'CANCELLED'
  /** Nobody decided before `expiresAt`; it can no longer be approved or run. */
  | 'EXPIRED'
  /** The operation ran (once); `outcome` says what it did. */
  | 'EXECUTED'
  /** Approved, but the operation was refused when it ran (the record changed meanwhile); `outcome.error` says why. */
  | 'FAILED';

/** Archived customers by time since archiving. */
export interface ArchiveAgeBucket {
  __typename?: 'ArchiveAgeBucket';
  /** Age range: `<1y`, `1-3y`, `3-7y` or `>=7y`. */
  age: Scalars['String'];
  /** Archived customers in the range. */
  count: Scalars['Int'];
}

/** Customers to archive, with why. */
export interface ArchiveCustomersInput {
  /** Customers to archive (ACTIVE or VOID), at most 1000. (Customer global id.) */
  ids: Array<Scalars['ID']>;
  /** Why they are archived (recorded in the archive and the audit log). */
  reason: Scalars['String'];
  /** Keep at least until then (default: the configured retention from now). */
  retainUntil?: Scalars['DateTime'] | null;
}

/** Result of archiveCustomers. */
export interface ArchiveCustomersPayload {
  __typename?: 'ArchiveCustomersPayload';
  /** The customers now in the archive. */
  customers: Array<ArchivedCustomer>;
  /** Ids that were not archived, and why. */
  failures: Array<LifecycleFailure>;
  /** Interactions archived with them. */
  archivedInteractions: Scalars['Int'];
  /** The archive its author may undo for a while (undoOperation); null when nothing moved. */
  undo: UndoableOperation | null;
}

/** A customer moved to the archive store with its history: out of daily lists, searchable, restorable exactly. Same fields and the same field guards as Customer, plus archive metadata. */
export interface ArchivedCustomer extends Node {
  __typename?: 'ArchivedCustomer';
  /** Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md). */
  id: Scalars['ID'];
  /** Unique business code, e.g. C0001234; generated when not given. */
  code: Scalars['String'];
  /** Company or person name. */
  name: Scalars['String'];
  /** Kind of customer. */
  type: CustomerType;
  /** Commercial value tier. */
  tier: CustomerTier;
  /** Industry key (e.g. Retail, Software); labels are translated by clients. */
  industry: Scalars['String'] | null;
  /** ISO 3166-2 region code, e.g. CN-SH, US-CA. */
  region: Scalars['String'] | null;
  /** Business lifecycle stage. */
  lifecycleStage: LifecycleStage;
  /** Record status (active, void, archived, merged). */
  status: CustomerStatus;
  /** Contact email address. */
  email: Scalars['String'] | null;
  /** Contact phone number. */
  phone: Scalars['String'] | null;
  /** Postal address. */
  address: Scalars['String'] | null;
  /** Tax identification number (e.g. unified social credit code). */
  taxId: Scalars['String'] | null;
  /** Free classification tags. */
  tags: Array<Scalars['String']>;
  /** Internal notes. */
  notes: Scalars['String'] | null;
  /** When the latest interaction occurred; maintained automatically. */
  lastInteractionAt: Scalars['DateTime'] | null;
  /** When the record was created. */
  createdAt: Scalars['DateTime'];
  /** When the record was last edited. */
  updatedAt: Scalars['DateTime'];
  /** Optimistic-locking version; send it back with updates. */
  version: Scalars['Int'];
  /** Why the record was voided (status VOID only). */
  voidReason: VoidReason | null;
  /** Free note given when voiding. */
  voidNote: Scalars['String'] | null;
  /** When the record was voided. */
  voidedAt: Scalars['DateTime'] | null;
  /** The status the customer had when archived (ACTIVE or VOID); restore puts it back. */
  previousStatus: CustomerStatus;
  /** Under legal hold: may not be purged, by hand or by retention, until the hold is lifted. */
  legalHold: Scalars['Boolean'];
  /** When it was archived. */
  archivedAt: Scalars['DateTime'];
  /** Why it was archived. */
  archiveReason: Scalars['String'];
  /** The archive policy that archived it; null when archived by hand. */
  policyId: Scalars['String'] | null;
  /** Kept at least until then; after it, the retention sweep may purge it. */
  retainUntil: Scalars['DateTime'] | null;
  /** SHA-256 (hex) of the archived row, re-checked on restore and by archive verification. */
  checksum: Scalars['String'];
  /** The user responsible for this customer. */
  owner: User | null;
  /** Who archived it (null for scheduled policy runs). */
  archivedBy: User | null;
  /** The history archived with this customer, newest first by default. */
  interactions: ArchivedInteractionConnection;
  /** Number of archived interactions of this customer. */
  interactionCount: Scalars['Int'];
}

/** Arguments of `ArchivedCustomer.interactions`. */
export interface ArchivedCustomerInteractionsArgs {
  /** Sort keys (default: occurredAt descending). */
  orderBy?: Array<InteractionOrder> | null;
  /** Which interactions (customerId is ignored here). */
  filter?: InteractionFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** A page of ArchivedCustomer items. */
export interface ArchivedCustomerConnection {
  __typename?: 'ArchivedCustomerConnection';
  /** Items with their cursors. */
  edges: Array<ArchivedCustomerEdge>;
  /** Items without cursors. */
  nodes: Array<ArchivedCustomer>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a ArchivedCustomer connection. */
export interface ArchivedCustomerEdge {
  __typename?: 'ArchivedCustomerEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: ArchivedCustomer;
}

/** Which archived customers to list: the live criteria plus archive metadata. */
export interface ArchivedCustomerFilter {
  /** Only these ids. (Customer or ArchivedCustomer global id.) */
  ids?: Array<Scalars['ID']> | null;
  /** Substring of name, code, email or phone (case-insensitive). */
  search?: Scalars['String'] | null;
  /** Any of these types. */
  type?: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier?: Array<CustomerTier> | null;
  /** Any of these industry keys. */
  industry?: Array<Scalars['String']> | null;
  /** Any of these ISO 3166-2 region codes. */
  region?: Array<Scalars['String']> | null;
  /** Any of these lifecycle stages. */
  lifecycleStage?: Array<LifecycleStage> | null;
  /** Owned by any of these users. (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** Only customers without an owner (true) or with one (false). */
  unowned?: Scalars['Boolean'] | null;
  /** Tagged with at least one of these tags. */
  tags?: Array<Scalars['String']> | null;
  /** Tagged with all of these tags. */
  tagsAll?: Array<Scalars['String']> | null;
  /** Created at or after this time. */
  createdAfter?: Scalars['DateTime'] | null;
  /** Created before this time. */
  createdBefore?: Scalars['DateTime'] | null;
  /** Last interaction at or after this time. */
  lastInteractionAfter?: Scalars['DateTime'] | null;
  /** Last interaction before this time (customers with no interaction at all included). */
  lastInteractionBefore?: Scalars['DateTime'] | null;
  /** Exactly this tax id (spaces, dashes and case ignored), matched through its blind index. Only the customers and archivedCustomers lists take it, and only from roles that read taxId in full (FORBIDDEN otherwise). */
  taxId?: Scalars['String'] | null;
  /** Status before archiving: ACTIVE and/or VOID (default: both). */
  previousStatus?: Array<CustomerStatus> | null;
  /** Archived at or after this time. */
  archivedAfter?: Scalars['DateTime'] | null;
  /** Archived before this time. */
  archivedBefore?: Scalars['DateTime'] | null;
  /** Archived by any of these policies. (ArchivePolicy global id.) */
  policyId?: Array<Scalars['ID']> | null;
  /** Only archived by hand (true) or only by a policy (false). */
  manual?: Scalars['Boolean'] | null;
  /** Archive reason contains this text (case-insensitive). */
  reason?: Scalars['String'] | null;
  /** Only records under legal hold (true) or without (false). */
  legalHold?: Scalars['Boolean'] | null;
  /** Retention ends before this time. */
  retainUntilBefore?: Scalars['DateTime'] | null;
}

/** One sort key for archived customers. */
export interface ArchivedCustomerOrder {
  /** Field to sort by. */
  field: ArchivedCustomerSortField;
  /** Direction. */
  direction?: SortDirection;
}

/** Fields archived customers can be sorted by. */
export type ArchivedCustomerSortField =
  /** Name. */
  | 'NAME'
  /** Business code. */
  | 'CODE'
  /** When the customer was created. */
  | 'CREATED_AT'
  /** Time of the latest interaction (none counts as oldest). */
  | 'LAST_INTERACTION_AT'
  /** When it was archived. */
  | 'ARCHIVED_AT'
  /** End of retention (none counts as earliest). */
  | 'RETAIN_UNTIL';

/** An interaction in the archive store, archived with its customer or on its own. Same guards as Interaction. */
export interface ArchivedInteraction extends Node {
  __typename?: 'ArchivedInteraction';
  /** Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md). */
  id: Scalars['ID'];
  /** What happened. */
  kind: InteractionKind;
  /** When it happened. */
  occurredAt: Scalars['DateTime'];
  /** Channel it happened through. */
  channel: InteractionChannel | null;
  /** Short summary. */
  subject: Scalars['String'];
  /** Full text (call notes, email body, ticket description…). */
  body: Scalars['String'] | null;
  /** Order amount (ORDER only), exact decimal. */
  amount: Scalars['Decimal'] | null;
  /** ISO 4217 currency of the amount, e.g. CNY. */
  currency: Scalars['String'] | null;
  /** When it was recorded. */
  createdAt: Scalars['DateTime'];
  /** When it was archived. */
  archivedAt: Scalars['DateTime'];
  /** Why it was archived. */
  archiveReason: Scalars['String'];
  /** True when it was archived together with its customer (and is restored with it). */
  archivedWithCustomer: Scalars['Boolean'];
  /** Who recorded it. */
  owner: User | null;
}

/** A page of ArchivedInteraction items. */
export interface ArchivedInteractionConnection {
  __typename?: 'ArchivedInteractionConnection';
  /** Items with their cursors. */
  edges: Array<ArchivedInteractionEdge>;
  /** Items without cursors. */
  nodes: Array<ArchivedInteraction>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a ArchivedInteraction connection. */
export interface ArchivedInteractionEdge {
  __typename?: 'ArchivedInteractionEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: ArchivedInteraction;
}

/** Interactions to archive while their customers stay live. */
export interface ArchiveInteractionsInput {
  /** Only this customer's interactions; omit for all customers. (Customer global id.) */
  customerId?: Scalars['ID'] | null;
  /** Interactions that occurred before this time. */
  olderThan: Scalars['DateTime'];
  /** Why they are archived. */
  reason: Scalars['String'];
}

/** Result of archiveInteractions. */
export interface ArchiveInteractionsPayload {
  __typename?: 'ArchiveInteractionsPayload';
  /** Interactions moved to the archive. */
  archivedCount: Scalars['Int'];
  /** Customers whose history they came from. */
  customerCount: Scalars['Int'];
}

/** An archived row whose checksum no longer matches, or an archived customer whose code is also live. */
export interface ArchiveMismatch {
  __typename?: 'ArchiveMismatch';
  /** CUSTOMER or INTERACTION (its checksum no longer matches), or CODE_TWIN (an archived customer whose code a live customer also holds). */
  kind: Scalars['String'];
  /** Id of the row. */
  id: Scalars['String'];
}

/** A rule that archives customers (or old interactions) on a schedule or on demand. */
export interface ArchivePolicy extends Node {
  __typename?: 'ArchivePolicy';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** Unique name. */
  name: Scalars['String'];
  /** What the policy is for. */
  description: Scalars['String'] | null;
  /** What the policy moves. */
  action: ArchivePolicyAction;
  /** Which customers it selects. */
  criteria: ArchivePolicyCriteria;
  /** ARCHIVE_INTERACTIONS: interactions older than this many days are archived. */
  interactionsOlderThanDays: Scalars['Int'] | null;
  /** Days archived customers are kept at least; null: the server default. */
  retentionDays: Scalars['Int'] | null;
  /** Cron schedule (5 fields, UTC); null: on demand only. */
  schedule: Scalars['String'] | null;
  /** Whether the schedule is active. */
  enabled: Scalars['Boolean'];
  /** When the policy was created. */
  createdAt: Scalars['DateTime'];
  /** When the policy was last changed. */
  updatedAt: Scalars['DateTime'];
  /** Optimistic-locking version; send it back with updates and deletes. */
  version: Scalars['Int'];
  /** When a run of this policy was last started. */
  lastRunAt: Scalars['DateTime'] | null;
  /** When the schedule runs it next; null when unscheduled or disabled. */
  nextRunAt: Scalars['DateTime'] | null;
  /** Who created the policy. */
  createdBy: User | null;
}

/** What an archive policy moves to the archive. */
export type ArchivePolicyAction =
  /** The matching customers, with their whole interaction history. */
  | 'ARCHIVE_CUSTOMERS'
  /** Only the interactions older than `interactionsOlderThanDays` of the matching customers, who stay live. */
  | 'ARCHIVE_INTERACTIONS';

/** A page of ArchivePolicy items. */
export interface ArchivePolicyConnection {
  __typename?: 'ArchivePolicyConnection';
  /** Items with their cursors. */
  edges: Array<ArchivePolicyEdge>;
  /** Items without cursors. */
  nodes: Array<ArchivePolicy>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** Archived customers by the policy that archived them. */
export interface ArchivePolicyCount {
  __typename?: 'ArchivePolicyCount';
  /** Policy id; null for customers archived by hand. (ArchivePolicy global id.) */
  policyId: Scalars['ID'] | null;
  /** Policy name; null when archived by hand or the policy was deleted. */
  policyName: Scalars['String'] | null;
  /** Archived customers. */
  count: Scalars['Int'];
}

/** Which customers a policy selects; unset conditions match anything. */
export interface ArchivePolicyCriteria {
  __typename?: 'ArchivePolicyCriteria';
  /** Any of these lifecycle stages. */
  lifecycleStage: Array<LifecycleStage> | null;
  /** Any of these customer types. */
  type: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier: Array<CustomerTier> | null;
  /** Any of these ISO 3166-2 region codes. */
  region: Array<Scalars['String']> | null;
  /** Any of these industry keys. */
  industry: Array<Scalars['String']> | null;
  /** Tagged with at least one of these tags. */
  tags: Array<Scalars['String']> | null;
  /** Owned by any of these users. (User global id.) */
  ownerId: Array<Scalars['ID']> | null;
  /** No interaction for more than this many days (none: counted from creation). */
  inactiveDays: Scalars['Int'] | null;
  /** Created more than this many days ago. */
  createdBeforeDays: Scalars['Int'] | null;
  /** Record statuses selected (unset: ACTIVE). */
  status: Array<CustomerStatus> | null;
  /** Voided more than this many days ago. */
  voidedBeforeDays: Scalars['Int'] | null;
  /** The saved segment customers must also match. (Segment global id.) */
  segmentId: Scalars['ID'] | null;
}

/** Which customers an archive policy selects. Every given condition must hold; lists match any of their values. */
export interface ArchivePolicyCriteriaInput {
  /** Any of these lifecycle stages. */
  lifecycleStage?: Array<LifecycleStage> | null;
  /** Any of these customer types. */
  type?: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier?: Array<CustomerTier> | null;
  /** Any of these ISO 3166-2 region codes. */
  region?: Array<Scalars['String']> | null;
  /** Any of these industry keys. */
  industry?: Array<Scalars['String']> | null;
  /** Tagged with at least one of these tags. */
  tags?: Array<Scalars['String']> | null;
  /** Owned by any of these users. (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** No interaction for more than this many days (customers without any interaction count from their creation). */
  inactiveDays?: Scalars['Int'] | null;
  /** Created more than this many days ago. */
  createdBeforeDays?: Scalars['Int'] | null;
  /** Record statuses to select: ACTIVE and/or VOID (default ACTIVE, or VOID when `voidedBeforeDays` is given). */
  status?: Array<CustomerStatus> | null;
  /** Voided more than this many days ago (selects VOID customers only). */
  voidedBeforeDays?: Scalars['Int'] | null;
  /** Also matching this saved segment (its own conditions, status included, apply too). (Segment global id.) */
  segmentId?: Scalars['ID'] | null;
}

/** An edge in a ArchivePolicy connection. */
export interface ArchivePolicyEdge {
  __typename?: 'ArchivePolicyEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: ArchivePolicy;
}

/** What a policy would archive right now; nothing is moved. */
export interface ArchivePolicyPreview {
  __typename?: 'ArchivePolicyPreview';
  /** Customers it would archive (ARCHIVE_INTERACTIONS: customers whose interactions it would archive). */
  customerCount: Scalars['Int'];
  /** Interactions it would archive. */
  interactionCount: Scalars['Int'];
  /** Up to 20 of those customers (lowest ids first), under the caller’s field rules. */
  sample: Array<Customer>;
}

/** Which archived customers a search covers: the shared criteria plus archive metadata. */
export interface ArchiveSearchFilter {
  /** Any of these types. */
  type?: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier?: Array<CustomerTier> | null;
  /** Any of these industry keys. */
  industry?: Array<Scalars['String']> | null;
  /** Any of these ISO 3166-2 region codes. */
  region?: Array<Scalars['String']> | null;
  /** Any of these lifecycle stages. */
  lifecycleStage?: Array<LifecycleStage> | null;
  /** Tagged with at least one of these tags. */
  tags?: Array<Scalars['String']> | null;
  /** Owned by any of these users (SALES only ever sees its own). (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** Only customers that also match this saved segment. Archived customers are matched on the criteria the archive index holds; a segment using others (search text, dates, unowned) is refused for archived results. (Segment global id.) */
  segmentId?: Scalars['ID'] | null;
  /** Archived for exactly one of these reasons (see the archiveReason facet). */
  archiveReason?: Array<Scalars['String']> | null;
  /** Archived in one of these years (UTC). */
  archivedYear?: Array<Scalars['Int']> | null;
  /** Archived at or after this time. */
  archivedAfter?: Scalars['DateTime'] | null;
  /** Archived before this time. */
  archivedBefore?: Scalars['DateTime'] | null;
  /** Status before archiving: ACTIVE and/or VOID. */
  previousStatus?: Array<CustomerStatus> | null;
  /** Only records under legal hold (true) or without (false). */
  legalHold?: Scalars['Boolean'] | null;
}

/** One archived customer found by searchArchive. */
export interface ArchiveSearchHit {
  __typename?: 'ArchiveSearchHit';
  /** Relevance, higher is better; comparable within one result only. */
  score: Scalars['Float'];
  /** The matches, only in fields the caller may read in full. */
  highlights: Array<SearchHighlight>;
  /** The archived customer, under the usual field guards. */
  customer: ArchivedCustomer;
}

/** Result of searchArchive. */
export interface ArchiveSearchResult {
  __typename?: 'ArchiveSearchResult';
  /** Matches under the caller’s row rules (see totalCountExact). */
  totalCount: Scalars['Int'];
  /** False when the engine stopped counting at its bound: there are at least totalCount matches. */
  totalCountExact: Scalars['Boolean'];
  /** This page of hits, best first. */
  hits: Array<ArchiveSearchHit>;
  /** Counts by type, tier, region, lifecycle stage, tag, archive reason and year archived. */
  facets: Array<SearchFacet>;
  /** The engine that answered. */
  engine: SearchEngine;
  /** Pass as `after` for the next page; null on the last page. */
  endCursor: Scalars['String'] | null;
}

/** Size and age of the archive. */
export interface ArchiveStats {
  __typename?: 'ArchiveStats';
  /** Archived customers. */
  customers: Scalars['Int'];
  /** Archived interactions (with their customers, or on their own). */
  interactions: Scalars['Int'];
  /** When the longest-archived customer was archived. */
  oldestArchivedAt: Scalars['DateTime'] | null;
  /** Archived customers under legal hold. */
  legalHolds: Scalars['Int'];
  /** Archived customers past their retainUntil (the next retention sweep purges those not held). */
  pastRetention: Scalars['Int'];
  /** Archived customers by time since archiving. */
  byAge: Array<ArchiveAgeBucket>;
  /** Archived customers by archiving policy, largest first. */
  byPolicy: Array<ArchivePolicyCount>;
}

/** Result of re-computing every archived checksum. */
export interface ArchiveVerification {
  __typename?: 'ArchiveVerification';
  /** True when every archived row matches its checksum and no archived code is also live. */
  ok: Scalars['Boolean'];
  /** Archived customers checked. */
  checkedCustomers: Scalars['Int'];
  /** Archived interactions checked. */
  checkedInteractions: Scalars['Int'];
  /** Rows that do not match, and code twins (at most 100 of each kind). */
  mismatches: Array<ArchiveMismatch>;
}

/** Result of re-computing every hash and link of the audit log. */
export interface AuditChainVerification {
  __typename?: 'AuditChainVerification';
  /** True when every entry and link is intact. */
  ok: Scalars['Boolean'];
  /** Entries verified before the first broken one (all of them when ok). */
  checked: Scalars['Int'];
  /** Sequence number of the first entry that fails, if any. */
  firstBrokenSeq: Scalars['String'] | null;
}

/** One entry of the append-only, hash-chained audit log. */
export interface AuditEvent extends Node {
  __typename?: 'AuditEvent';
  /** Identifier (the sequence number). */
  id: Scalars['ID'];
  /** Position in the chain, from 1 without gaps (a decimal string: it may exceed 32 bits). */
  seq: Scalars['String'];
  /** When the change was recorded. */
  at: Scalars['DateTime'];
  /** Role the actor had at the time. */
  actorRole: Role | null;
  /** What happened, e.g. CUSTOMER_UPDATED. */
  action: Scalars['String'];
  /** Kind of record affected, e.g. Customer. */
  entityType: Scalars['String'];
  /** Id of the record affected. */
  entityId: Scalars['String'] | null;
  /** Reason given for the change. */
  reason: Scalars['String'] | null;
  /** Field → { from, to }; personal data appears masked. */
  changes: Scalars['JSONObject'];
  /** Request id (x-request-id) of the change. */
  requestId: Scalars['String'] | null;
  /** SHA-256 (hex) of the previous entry; empty for the first. */
  prevHash: Scalars['String'];
  /** SHA-256 (hex) over this entry's canonical encoding and prevHash. */
  hash: Scalars['String'];
  /** Who acted (null for system jobs). */
  actor: User | null;
}

/** A page of AuditEvent items. */
export interface AuditEventConnection {
  __typename?: 'AuditEventConnection';
  /** Items with their cursors. */
  edges: Array<AuditEventEdge>;
  /** Items without cursors. */
  nodes: Array<AuditEvent>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a AuditEvent connection. */
export interface AuditEventEdge {
  __typename?: 'AuditEventEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: AuditEvent;
}

/** Which audit events to list. */
export interface AuditEventFilter {
  /** Kind of record, e.g. Customer. */
  entityType?: Scalars['String'] | null;
  /** Id of the record (with entityType): its database id, or the global id of the object (schema 0.2). */
  entityId?: Scalars['String'] | null;
  /** Who acted. (User global id.) */
  actorId?: Scalars['ID'] | null;
  /** Any of these actions. */
  action?: Array<Scalars['String']> | null;
  /** At or after this time. */
  from?: Scalars['DateTime'] | null;
  /** Before this time. */
  to?: Scalars['DateTime'] | null;
}

/** A logical backup of every Custos table, taken from one consistent snapshot. */
export interface Backup extends Node {
  __typename?: 'Backup';
  /** The backup’s name (its file name without extension). */
  id: Scalars['ID'];
  /** The instant of the snapshot. */
  createdAt: Scalars['DateTime'];
  /** Who started it; null for scheduled backups. (User global id.) */
  createdBy: Scalars['ID'] | null;
  /** Why it was taken. */
  reason: Scalars['String'] | null;
  /** Compressed size in bytes. */
  sizeBytes: Scalars['Float'];
  /** Rows in all tables. */
  totalRows: Scalars['Int'];
  /** The last schema migration of the database it was taken from. */
  migration: Scalars['String'];
  /** PostgreSQL version of the source. */
  serverVersion: Scalars['String'];
  /** Tables and their row counts. */
  tables: Array<BackupTable>;
  /** The latest finished restore drill; null when never drilled. */
  lastDrill: BackupDrill | null;
}

/** The latest restore drill of a backup. */
export interface BackupDrill {
  __typename?: 'BackupDrill';
  /** The drill job. (Job global id.) */
  jobId: Scalars['ID'];
  /** SUCCEEDED: the restore reproduced the backup exactly; FAILED: see `error`. */
  state: JobState;
  /** When the drill finished. */
  finishedAt: Scalars['DateTime'] | null;
  /** What went wrong, for a failed drill. */
  error: Scalars['String'] | null;
  /** How long the drill took, in seconds. */
  seconds: Scalars['Float'] | null;
}

/** How this server schedules and keeps backups (its BACKUP_* settings). */
export interface BackupSettings {
  __typename?: 'BackupSettings';
  /** Days for which the newest backup of the day is kept (BACKUP_KEEP_DAILY). */
  keepDaily: Scalars['Int'];
  /** Weeks for which the newest backup of the ISO week is kept (BACKUP_KEEP_WEEKLY). */
  keepWeekly: Scalars['Int'];
  /** Cron expression (UTC) of scheduled backups; null when backups are started by hand only (BACKUP_SCHEDULE). */
  schedule: Scalars['String'] | null;
  /** Cron expression (UTC) of scheduled restore drills; null when none (BACKUP_DRILL_SCHEDULE). */
  drillSchedule: Scalars['String'] | null;
}

/** One table in a backup. */
export interface BackupTable {
  __typename?: 'BackupTable';
  /** Schema-qualified table name. */
  name: Scalars['String'];
  /** Rows in the backup. */
  rows: Scalars['Int'];
}

/** Adds and removes tags on every customer a filter matches. */
export interface BulkTagCustomersInput {
  /** Which customers (within the rows you may edit). */
  filter: CustomerFilter;
  /** Tags to add. */
  add?: Array<Scalars['String']> | null;
  /** Tags to remove. */
  remove?: Array<Scalars['String']> | null;
  /** true: only count what would change. */
  dryRun?: Scalars['Boolean'];
}

/** Result of bulkTagCustomers. */
export interface BulkTagCustomersPayload {
  __typename?: 'BulkTagCustomersPayload';
  /** Customers the filter matches. */
  matched: Scalars['Int'];
  /** Customers whose tags change (changed, unless dryRun). */
  changed: Scalars['Int'];
  /** Whether nothing was written. */
  dryRun: Scalars['Boolean'];
  /** The change its author may undo for a while (undoOperation); null for a dry run or when nothing changed. */
  undo: UndoableOperation | null;
}

/** The job to cancel. */
export interface CancelJobInput {
  /** Job id. (Job global id.) */
  id: Scalars['ID'];
}

/** Result of cancelJob. */
export interface CancelJobPayload {
  __typename?: 'CancelJobPayload';
  /** The job: CANCELLED at once when it was still queued, otherwise RUNNING with `cancelRequested` until its current batch ends. */
  job: Job;
}

/** Takes a purge out of the recycle bin: the customer stays. */
export interface CancelScheduledPurgeInput {
  /** The scheduled purge. (ScheduledPurge global id.) */
  id: Scalars['ID'];
  /** Why the customer is kept (audit log). */
  reason: Scalars['String'];
}

/** Result of cancelScheduledPurge. */
export interface CancelScheduledPurgePayload {
  __typename?: 'CancelScheduledPurgePayload';
  /** The purge, now CANCELLED. */
  scheduledPurge: ScheduledPurge;
}

/** Per-row duplicate handling. */
export interface ChooseImportRowActionsInput {
  /** The import. (CustomerImport global id.) */
  id: Scalars['ID'];
  /** The rows. */
  rows: Array<ImportRowActionInput>;
}

/** Result of chooseImportRowActions. */
export interface ChooseImportRowActionsPayload {
  __typename?: 'ChooseImportRowActionsPayload';
  /** Rows changed. */
  rows: Scalars['Int'];
}

/** Thresholds in days. A customer created within `newDays` is NEW; otherwise one whose latest activity (last interaction, or creation when none) is within `activeDays` is ACTIVE, within `inactiveDays` INACTIVE, and older CHURNED. */
export interface ClassifyLifecycleStagesInput {
  /** Days a new customer stays NEW (default 30). */
  newDays?: Scalars['Int'] | null;
  /** Activity within this many days makes a customer ACTIVE (default 90). */
  activeDays?: Scalars['Int'] | null;
  /** Activity within this many days (but not within activeDays) makes a customer INACTIVE; none at all makes it CHURNED (default 365). */
  inactiveDays?: Scalars['Int'] | null;
}

/** Result of classifyLifecycleStages. */
export interface ClassifyLifecycleStagesPayload {
  __typename?: 'ClassifyLifecycleStagesPayload';
  /** The queued classification job. */
  job: Job;
}

/** A customer field as data cleanup names it. */
export type CleanupField =
  /** Company or person name. */
  | 'NAME'
  /** Customer type. */
  | 'TYPE'
  /** Value tier. */
  | 'TIER'
  /** Industry key. */
  | 'INDUSTRY'
  /** ISO 3166-2 region code. */
  | 'REGION'
  /** Lifecycle stage. */
  | 'LIFECYCLE_STAGE'
  /** Owning user. */
  | 'OWNER'
  /** Contact email. */
  | 'EMAIL'
  /** Contact phone. */
  | 'PHONE'
  /** Postal address. */
  | 'ADDRESS'
  /** Tax identification number. */
  | 'TAX_ID'
  /** Internal notes. */
  | 'NOTES'
  /** Classification tags. */
  | 'TAGS'
  /** Email and phone together (data-quality issues only). */
  | 'CONTACT'
  /** Last edit and last interaction together (data-quality issues only). */
  | 'ACTIVITY';

/** Cleanup work waiting: duplicate groups to review and open data-quality issues, under the caller’s row and field rules. */
export interface CleanupStats {
  __typename?: 'CleanupStats';
  /** Groups from the latest detection run with at least two ACTIVE customers you may see, found by evidence on fields you may read in full. */
  duplicateGroupsPending: Scalars['Int'];
  /** Distinct ACTIVE customers in those groups. */
  duplicateCustomersPending: Scalars['Int'];
  /** Pending groups by kind of evidence, largest first. */
  duplicatesByReason: Array<DuplicateReasonCount>;
  /** When the latest successful duplicate detection finished; null if none has. */
  lastDuplicateDetectionAt: Scalars['DateTime'] | null;
  /** Open (not dismissed) data-quality issues by field and problem as of dataQualityCountedAt, largest first; issues on fields you may not read are left out. Empty until the first count. */
  dataQualityIssues: Array<DataQualityCount>;
  /** Customers with at least one of those issues, as of dataQualityCountedAt. */
  dataQualityCustomers: Scalars['Int'];
  /** When the data-quality figures were counted (countDataQuality, or DATA_QUALITY_SCHEDULE); null if never. */
  dataQualityCountedAt: Scalars['DateTime'] | null;
}

/** Closes a data-subject request as answered. */
export interface CompleteSubjectRequestInput {
  /** The request. (SubjectRequest global id.) */
  id: Scalars['ID'];
  /** What was sent or done, for the record. */
  note?: Scalars['String'] | null;
}

/** Mapping and duplicate handling of an import. */
export interface ConfigureCustomerImportInput {
  /** The import. (CustomerImport global id.) */
  id: Scalars['ID'];
  /** The whole mapping (columns left out are not imported); omitted: as suggested. */
  mapping?: Array<ImportColumnInput> | null;
  /** What matching rows do. */
  duplicateAction?: ImportDuplicateAction | null;
  /** Remember this mapping under this name for files with the same header row. */
  templateName?: Scalars['String'] | null;
}

/** Corrects a matched live customer through the ordinary edit (a correction request). */
export interface CorrectSubjectDataInput {
  /** The request (of kind CORRECTION). (SubjectRequest global id.) */
  id: Scalars['ID'];
  /** The customer, the version read and the corrections. */
  customer: UpdateCustomerInput;
}

/** Options of a data-quality count. */
export interface CountDataQualityInput {
  /** Why (recorded with the job in the audit log). */
  reason?: Scalars['String'] | null;
}

/** Result of countDataQuality. */
export interface CountDataQualityPayload {
  __typename?: 'CountDataQualityPayload';
  /** The queued counting job; cleanupStats shows its figures once it has finished. */
  job: Job;
}

/** A new archive policy. */
export interface CreateArchivePolicyInput {
  /** Unique name (case-insensitive). */
  name: Scalars['String'];
  /** What the policy is for. */
  description?: Scalars['String'] | null;
  /** What the policy moves. */
  action: ArchivePolicyAction;
  /** Which customers it selects. */
  criteria: ArchivePolicyCriteriaInput;
  /** ARCHIVE_INTERACTIONS only: archive interactions older than this many days. */
  interactionsOlderThanDays?: Scalars['Int'] | null;
  /** Keep archived customers at least this many days (sets their retainUntil); default ARCHIVE_RETENTION_DAYS. */
  retentionDays?: Scalars['Int'] | null;
  /** When to run by itself: a 5-field cron expression in UTC, e.g. "0 3 * * *" (daily at 03:00). Null: on demand only. */
  schedule?: Scalars['String'] | null;
  /** Whether the schedule is active. Disabled policies can still be previewed and run by hand. */
  enabled?: Scalars['Boolean'];
}

/** Result of createArchivePolicy. */
export interface CreateArchivePolicyPayload {
  __typename?: 'CreateArchivePolicyPayload';
  /** The new policy. */
  policy: ArchivePolicy;
}

/** A new customer. `name` and `type` are required; `code` is generated when omitted. */
export interface CreateCustomerInput {
  /** Commercial value tier (default STANDARD). */
  tier?: CustomerTier | null;
  /** Industry key; one of the configured industries. */
  industry?: Scalars['String'] | null;
  /** ISO 3166-2 region code such as CN-SH. */
  region?: Scalars['String'] | null;
  /** Business lifecycle stage (default NEW). */
  lifecycleStage?: LifecycleStage | null;
  /** Owning user. (User global id.) */
  ownerId?: Scalars['ID'] | null;
  /** Contact email address. */
  email?: Scalars['String'] | null;
  /** Contact phone number (digits, spaces, +, -, parentheses). */
  phone?: Scalars['String'] | null;
  /** Postal address. */
  address?: Scalars['String'] | null;
  /** Tax identification number. */
  taxId?: Scalars['String'] | null;
  /** Classification tags (replaces all tags). */
  tags?: Array<Scalars['String']> | null;
  /** Internal notes. */
  notes?: Scalars['String'] | null;
  /** Company or person name. */
  name: Scalars['String'];
  /** Kind of customer. */
  type: CustomerType;
  /** Unique business code (letters, digits, - and _); generated when omitted. */
  code?: Scalars['String'] | null;
}

/** Result of createCustomer. */
export interface CreateCustomerPayload {
  __typename?: 'CreateCustomerPayload';
  /** The new customer. */
  customer: Customer;
  /** Existing customers the new one matches under a WARN duplicate rule, most likely first (empty when none). */
  possibleDuplicates: Array<PossibleDuplicate>;
}

/** What to export and how. Give only the filter (and order) that belongs to `resource`. */
export interface CreateExportInput {
  /** What to export. */
  resource: ExportResource;
  /** File format. */
  format?: ExportFormat;
  /** Language of the column headers. */
  language?: ExportLanguage;
  /** CUSTOMERS: which customers (as in `customers`). */
  customers?: CustomerFilter | null;
  /** ARCHIVED_CUSTOMERS: which archived customers (as in `archivedCustomers`). */
  archivedCustomers?: ArchivedCustomerFilter | null;
  /** INTERACTIONS: which interactions (as in `interactions`). */
  interactions?: InteractionFilter | null;
  /** AUDIT_EVENTS: which events (as in `auditEvents`). */
  auditEvents?: AuditEventFilter | null;
  /** CUSTOMERS: rows in this order (as in `customers`); by id when absent. */
  customersOrderBy?: Array<CustomerOrder> | null;
  /** ARCHIVED_CUSTOMERS: rows in this order (as in `archivedCustomers`); by id when absent. */
  archivedCustomersOrderBy?: Array<ArchivedCustomerOrder> | null;
  /** INTERACTIONS: rows in this order (as in `interactions`); by id when absent. */
  interactionsOrderBy?: Array<InteractionOrder> | null;
  /** Times in this IANA time zone with their offset (2026-05-01 11:00:00+08:00); UTC ISO 8601 (2026-05-01T03:00:00.000000Z) when absent. */
  timeZone?: Scalars['String'] | null;
  /** Words for coded values, column by column (at most 2000); a value without one is written as stored. Only columns without a field guard take them. */
  valueLabels?: Array<ExportValueLabel> | null;
}

/** Result of createExport: a short-lived, single-use download link. */
export interface CreateExportPayload {
  __typename?: 'CreateExportPayload';
  /** Path of the download on this server (GET, no token needed; the link is the credential). */
  url: Scalars['String'];
  /** The link stops working at this time, or after its first download. */
  expiresAt: Scalars['DateTime'];
  /** Rows the export holds now, under your row rules. */
  rowCount: Scalars['Int'];
  /** Columns included; fields your role may not read are left out, masked ones stay masked. */
  columns: Array<Scalars['String']>;
}

/** A data-subject request as received. At least one of email, phone and tax id is required: a name alone identifies no one. */
export interface CreateSubjectRequestInput {
  /** What the person asks for. */
  kind: SubjectRequestKind;
  /** The law it is made under; sets the due date. */
  regime: SubjectRequestRegime;
  /** The day it was received, `YYYY-MM-DD`. */
  receivedOn: Scalars['String'];
  /** The language the person is answered in. */
  language: SubjectLanguage;
  /** Your reference for the request (a ticket number; not personal data). */
  reference?: Scalars['String'] | null;
  /** The person’s name (corroborates a match; never matches alone). */
  subjectName?: Scalars['String'] | null;
  /** Their email address. */
  email?: Scalars['String'] | null;
  /** Their phone number. */
  phone?: Scalars['String'] | null;
  /** Their tax or identity number. */
  taxId?: Scalars['String'] | null;
}

/** A new staff user. */
export interface CreateUserInput {
  /** Login email address (unique, case-insensitive). */
  email: Scalars['String'];
  /** Name shown in the dashboard. */
  displayName: Scalars['String'];
  /** Role. */
  role: Role;
  /** Initial password (10–200 characters). */
  password: Scalars['String'];
}

/** Result of createUser. */
export interface CreateUserPayload {
  __typename?: 'CreateUserPayload';
  /** The user after the change. */
  user: User;
}

/** A customer (company or person) and its classification and contact data. */
export interface Customer extends Node {
  __typename?: 'Customer';
  /** Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md). */
  id: Scalars['ID'];
  /** Unique business code, e.g. C0001234; generated when not given. */
  code: Scalars['String'];
  /** Company or person name. */
  name: Scalars['String'];
  /** Kind of customer. */
  type: CustomerType;
  /** Commercial value tier. */
  tier: CustomerTier;
  /** Industry key (e.g. Retail, Software); labels are translated by clients. */
  industry: Scalars['String'] | null;
  /** ISO 3166-2 region code, e.g. CN-SH, US-CA. */
  region: Scalars['String'] | null;
  /** Business lifecycle stage. */
  lifecycleStage: LifecycleStage;
  /** Record status (active, void, archived, merged). */
  status: CustomerStatus;
  /** Contact email address. */
  email: Scalars['String'] | null;
  /** Contact phone number. */
  phone: Scalars['String'] | null;
  /** Postal address. */
  address: Scalars['String'] | null;
  /** Tax identification number (e.g. unified social credit code). */
  taxId: Scalars['String'] | null;
  /** Free classification tags. */
  tags: Array<Scalars['String']>;
  /** Internal notes. */
  notes: Scalars['String'] | null;
  /** When the latest interaction occurred; maintained automatically. */
  lastInteractionAt: Scalars['DateTime'] | null;
  /** When the record was created. */
  createdAt: Scalars['DateTime'];
  /** When the record was last edited. */
  updatedAt: Scalars['DateTime'];
  /** Optimistic-locking version; send it back with updates. */
  version: Scalars['Int'];
  /** Why the record was voided (status VOID only). */
  voidReason: VoidReason | null;
  /** Free note given when voiding. */
  voidNote: Scalars['String'] | null;
  /** When the record was voided. */
  voidedAt: Scalars['DateTime'] | null;
  /** The user responsible for this customer. */
  owner: User | null;
  /** This customer's interaction history, newest first by default. */
  interactions: InteractionConnection;
  /** Number of interactions in this customer's history. */
  interactionCount: Scalars['Int'];
  /** For a MERGED customer: the survivor it was merged into (null otherwise or when not visible). */
  mergedInto: Customer | null;
}

/** Arguments of `Customer.interactions`. */
export interface CustomerInteractionsArgs {
  /** Sort keys (default: occurredAt descending). */
  orderBy?: Array<InteractionOrder> | null;
  /** Which interactions (customerId is ignored here). */
  filter?: InteractionFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** One change of a customer the subscriber may read. */
export interface CustomerChange {
  __typename?: 'CustomerChange';
  /** Created, updated or removed from your view. */
  kind: CustomerChangeKind;
  /** The customer’s id (also when it was removed). (Customer global id.) */
  id: Scalars['ID'];
  /** The customer as it is now, under your field rules; null when REMOVED. */
  customer: Customer | null;
}

/** What happened to a customer you can see. */
export type CustomerChangeKind =
  /** A new customer, or one restored from the archive. */
  | 'CREATED'
  /** Its fields or status changed (edits, voiding, merging, new interactions). */
  | 'UPDATED'
  /** It left your view: archived, purged, or (SALES) given to another owner. */
  | 'REMOVED';

/** A page of Customer items. */
export interface CustomerConnection {
  __typename?: 'CustomerConnection';
  /** Items with their cursors. */
  edges: Array<CustomerEdge>;
  /** Items without cursors. */
  nodes: Array<Customer>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** What customer statistics can be grouped by. */
export type CustomerDimension =
  /** Lifecycle stage (NEW, ACTIVE, INACTIVE, CHURNED). */
  | 'LIFECYCLE_STAGE'
  /** Customer type. */
  | 'TYPE'
  /** Customer tier. */
  | 'TIER'
  /** ISO 3166-2 region code; null when unset. */
  | 'REGION'
  /** Industry key; null when unset. */
  | 'INDUSTRY'
  /** Owner user id; null when unowned. */
  | 'OWNER'
  /** Record status; give `filter.status` to include VOID or MERGED customers. */
  | 'STATUS'
  /** Each tag separately (a customer with two tags counts once under each); null for untagged customers. */
  | 'TAG'
  /** Why the customer was voided; null for customers that are not VOID. */
  | 'VOID_REASON';

/** Values to check for duplicates before saving (what createCustomer or updateCustomer would check). */
export interface CustomerDuplicateCheckInput {
  /** The customer being edited (never its own duplicate). (Customer global id.) */
  id?: Scalars['ID'] | null;
  /** Name. */
  name?: Scalars['String'] | null;
  /** ISO 3166-2 region code. */
  region?: Scalars['String'] | null;
  /** Email address. */
  email?: Scalars['String'] | null;
  /** Phone number, in any format. */
  phone?: Scalars['String'] | null;
  /** Tax id (only roles that may write it). */
  taxId?: Scalars['String'] | null;
}

/** An edge in a Customer connection. */
export interface CustomerEdge {
  __typename?: 'CustomerEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: Customer;
}

/** One field of a history entry, before → after. Values follow the field guards of the record as the caller reads it now (masked or hidden exactly as on Customer, or ArchivedCustomer once archived). */
export interface CustomerFieldChange {
  __typename?: 'CustomerFieldChange';
  /** The field, by its name on Customer (e.g. email, tags, lifecycleStage). */
  field: Scalars['String'];
  /** The value before (null when empty, hidden, or at creation). */
  from: Scalars['JSON'] | null;
  /** The value after (null when empty or hidden). */
  to: Scalars['JSON'] | null;
  /** True when the caller may not read this field: both values are withheld. */
  hidden: Scalars['Boolean'];
  /** True when revertCustomer can put `from` back (a field people edit, value kept in history). */
  revertible: Scalars['Boolean'];
}

/** Which customers to list. Without `status`, only ACTIVE customers are listed. */
export interface CustomerFilter {
  /** Only these ids. (Customer or ArchivedCustomer global id.) */
  ids?: Array<Scalars['ID']> | null;
  /** Substring of name, code, email or phone (case-insensitive). */
  search?: Scalars['String'] | null;
  /** Any of these types. */
  type?: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier?: Array<CustomerTier> | null;
  /** Any of these industry keys. */
  industry?: Array<Scalars['String']> | null;
  /** Any of these ISO 3166-2 region codes. */
  region?: Array<Scalars['String']> | null;
  /** Any of these lifecycle stages. */
  lifecycleStage?: Array<LifecycleStage> | null;
  /** Owned by any of these users. (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** Only customers without an owner (true) or with one (false). */
  unowned?: Scalars['Boolean'] | null;
  /** Tagged with at least one of these tags. */
  tags?: Array<Scalars['String']> | null;
  /** Tagged with all of these tags. */
  tagsAll?: Array<Scalars['String']> | null;
  /** Created at or after this time. */
  createdAfter?: Scalars['DateTime'] | null;
  /** Created before this time. */
  createdBefore?: Scalars['DateTime'] | null;
  /** Last interaction at or after this time. */
  lastInteractionAfter?: Scalars['DateTime'] | null;
  /** Last interaction before this time (customers with no interaction at all included). */
  lastInteractionBefore?: Scalars['DateTime'] | null;
  /** Exactly this tax id (spaces, dashes and case ignored), matched through its blind index. Only the customers and archivedCustomers lists take it, and only from roles that read taxId in full (FORBIDDEN otherwise). */
  taxId?: Scalars['String'] | null;
  /** Any of these statuses (default: ACTIVE). */
  status?: Array<CustomerStatus> | null;
  /** Only customers that also match this saved segment (see `segments`). (Segment global id.) */
  segmentId?: Scalars['ID'] | null;
}

/** One step in the life of a customer: an audited action and what it changed. */
export interface CustomerHistoryEntry {
  __typename?: 'CustomerHistoryEntry';
  /** The audit event (its sequence number), or `state:<n>` for a change no event describes. */
  id: Scalars['ID'];
  /** The audit event's sequence number; null for a change no event describes. */
  seq: Scalars['String'] | null;
  /** When it happened. */
  at: Scalars['DateTime'];
  /** What happened: an audit action (CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_VOIDED, CUSTOMER_REVERTED …), HISTORY_STARTED for the state kept when history began, or UNRECORDED_CHANGE for a stored change without an audit event. */
  action: Scalars['String'];
  /** The role the actor had at the time. */
  actorRole: Role | null;
  /** The reason given (personal data in it replaced by tokens, as in the audit log). */
  reason: Scalars['String'] | null;
  /** Where the customer was kept after this step (null when no state was kept). */
  store: CustomerStore | null;
  /** The customer's version after this step, when kept. */
  version: Scalars['Int'] | null;
  /** True when the values come from the kept state; false for events older than history, whose values are the audit log's (masked). */
  valuesKept: Scalars['Boolean'];
  /** The fields this step changed. */
  changes: Array<CustomerFieldChange>;
  /** Who acted (null for system jobs and for steps without an event). */
  actor: User | null;
}

/** A customer file being imported: upload it with POST /imports/customers. */
export interface CustomerImport extends Node {
  __typename?: 'CustomerImport';
  /** Identifier (the audit log’s reason for every write of the import names it). */
  id: Scalars['ID'];
  /** The uploaded file’s name. */
  fileName: Scalars['String'];
  /** CSV or XLSX. */
  format: Scalars['String'];
  /** The CSV’s text encoding as detected (utf-8 or gb18030). */
  encoding: Scalars['String'] | null;
  /** What rows matching an existing customer do (unless chosen per row). */
  duplicateAction: ImportDuplicateAction;
  /** The template the mapping came from or was saved as. */
  templateId: Scalars['ID'] | null;
  /** Where the import is. */
  state: CustomerImportState;
  /** Data rows in the file. */
  rowCount: Scalars['Int'];
  /** Counts of the last dry run, run or undo. */
  counts: ImportCounts;
  /** When it was uploaded. */
  createdAt: Scalars['DateTime'];
  /** The columns and their mapping. */
  columns: Array<ImportColumn>;
  /** The dry run’s or run’s job. */
  progress: ImportProgress | null;
  /** The undo’s job. */
  undoProgress: ImportProgress | null;
  /** The first rows after mapping and normalization, with their problems. */
  preview: Array<ImportPreviewRow>;
  /** Rows with problems as a CSV file (UTF-8 with BOM): row, field, reason, then the row as it was in the file. */
  errorFile: Scalars['String'];
  /** Rows the last dry run (or run) found matching existing customers, in row order, with the matches you may see; only for whoever uploaded the file. */
  duplicateRows: Array<ImportDuplicateRow>;
}

/** Arguments of `CustomerImport.preview`. */
export interface CustomerImportPreviewArgs {
  /** How many rows (at most 100). */
  first?: Scalars['Int'];
}

/** Arguments of `CustomerImport.duplicateRows`. */
export interface CustomerImportDuplicateRowsArgs {
  /** Matching rows to pass over first. */
  offset?: Scalars['Int'];
  /** How many rows (at most 200). */
  first?: Scalars['Int'];
}

/** An import to check, run or undo. */
export interface CustomerImportInput {
  /** The import. (CustomerImport global id.) */
  id: Scalars['ID'];
}

/** An import and the job started for it. */
export interface CustomerImportPayload {
  __typename?: 'CustomerImportPayload';
  /** The import. */
  customerImport: CustomerImport;
}

/** What an import wizard shows before a file is chosen. */
export interface CustomerImportSetup {
  __typename?: 'CustomerImportSetup';
  /** The largest file POST /imports/customers accepts, in bytes (IMPORT_MAX_BYTES). */
  maxBytes: Scalars['Int'];
  /** The most data rows a file may have (IMPORT_MAX_ROWS). */
  maxRows: Scalars['Int'];
  /** Saved templates, most recently saved first (at most 200). */
  templates: Array<ImportTemplate>;
}

/** Where a customer import is. */
export type CustomerImportState =
  /** Read into staging; the mapping can be changed. */
  | 'UPLOADED'
  /** A dry run has counted what would happen. */
  | 'CHECKED'
  /** The import job runs (or was cancelled: run it again to go on where it stopped). */
  | 'IMPORTING'
  /** Every row has an outcome. */
  | 'IMPORTED'
  /** Undone by undoCustomerImport. */
  | 'UNDONE';

/** A customer after a change that applies in either store: one of the two fields is set. */
export interface CustomerInStorePayload {
  __typename?: 'CustomerInStorePayload';
  /** The customer, when it is live. */
  customer: Customer | null;
  /** The customer, when it is archived. */
  archivedCustomer: ArchivedCustomer | null;
}

/** One merge of customers into a survivor; undo it with unmergeCustomers. */
export interface CustomerMerge extends Node {
  __typename?: 'CustomerMerge';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** The survivor’s id. (Customer global id.) */
  survivorId: Scalars['ID'];
  /** The merged customers’ ids. (Customer global id.) */
  mergedIds: Array<Scalars['ID']>;
  /** The explicit picks the merge was made with. */
  picks: Array<MergePick>;
  /** When the merge was made. */
  mergedAt: Scalars['DateTime'];
  /** When it was undone (null while in effect). */
  unmergedAt: Scalars['DateTime'] | null;
  /** Why it was undone. */
  unmergeReason: Scalars['String'] | null;
  /** Interactions moved from merged customers to the survivor. */
  interactionCount: Scalars['Int'];
  /** The survivor (null when it is not live or not visible to you). */
  survivor: Customer | null;
  /** The survivor when it has been archived since the merge (null while it is live); unmerging needs it restored first. */
  archivedSurvivor: ArchivedCustomer | null;
  /** The merged customers you may see, in any status. */
  merged: Array<Customer>;
  /** Who merged. */
  mergedBy: User | null;
  /** Who undid the merge. */
  unmergedBy: User | null;
}

/** A page of CustomerMerge items. */
export interface CustomerMergeConnection {
  __typename?: 'CustomerMergeConnection';
  /** Items with their cursors. */
  edges: Array<CustomerMergeEdge>;
  /** Items without cursors. */
  nodes: Array<CustomerMerge>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a CustomerMerge connection. */
export interface CustomerMergeEdge {
  __typename?: 'CustomerMergeEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: CustomerMerge;
}

/** One sort key for customers. */
export interface CustomerOrder {
  /** Field to sort by. */
  field: CustomerSortField;
  /** Direction. */
  direction?: SortDirection;
}

/** Criteria that live and archived customers share; within one list any value matches. */
export interface CustomerSearchFilter {
  /** Any of these types. */
  type?: Array<CustomerType> | null;
  /** Any of these tiers. */
  tier?: Array<CustomerTier> | null;
  /** Any of these industry keys. */
  industry?: Array<Scalars['String']> | null;
  /** Any of these ISO 3166-2 region codes. */
  region?: Array<Scalars['String']> | null;
  /** Any of these lifecycle stages. */
  lifecycleStage?: Array<LifecycleStage> | null;
  /** Tagged with at least one of these tags. */
  tags?: Array<Scalars['String']> | null;
  /** Owned by any of these users (SALES only ever sees its own). (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** Only customers that also match this saved segment. Archived customers are matched on the criteria the archive index holds; a segment using others (search text, dates, unowned) is refused for archived results. (Segment global id.) */
  segmentId?: Scalars['ID'] | null;
}

/** One customer found by search, live or archived. */
export interface CustomerSearchHit {
  __typename?: 'CustomerSearchHit';
  /** Relevance, higher is better; comparable within one result only. */
  score: Scalars['Float'];
  /** The matches, only in fields the caller may read in full. */
  highlights: Array<SearchHighlight>;
  /** Where the customer lives: LIVE or ARCHIVED. */
  store: SearchScope;
  /** The live customer (when store is LIVE). */
  customer: Customer | null;
  /** The archived customer (when store is ARCHIVED). */
  archivedCustomer: ArchivedCustomer | null;
}

/** Result of search over live and/or archived customers. */
export interface CustomerSearchResult {
  __typename?: 'CustomerSearchResult';
  /** Matches in the searched stores under the caller’s row rules (see totalCountExact). */
  totalCount: Scalars['Int'];
  /** False when a store stopped counting at its bound. */
  totalCountExact: Scalars['Boolean'];
  /** This page of hits, best first. */
  hits: Array<CustomerSearchHit>;
  /** The engine that searched the archive (live customers are searched in PostgreSQL). */
  engine: SearchEngine;
  /** Pass as `after` for the next page; null on the last page. */
  endCursor: Scalars['String'] | null;
}

/** Fields customers can be sorted by (each backed by an index). */
export type CustomerSortField =
  /** Name, in Unicode collation order. */
  | 'NAME'
  /** Business code. */
  | 'CODE'
  /** Creation time. */
  | 'CREATED_AT'
  /** Last edit time. */
  | 'UPDATED_AT'
  /** Time of the latest interaction (none counts as oldest). */
  | 'LAST_INTERACTION_AT';

/** One group of a customerStats report. */
export interface CustomerStat {
  __typename?: 'CustomerStat';
  /** The group’s value for each requested dimension, in the order of `groupBy` (null: no value). */
  keys: Array<Scalars['String'] | null>;
  /** Customers in the group. */
  count: Scalars['Int'];
}

/** Record status. Only ACTIVE customers appear in lists unless a status filter asks for others. */
export type CustomerStatus =
  /** In daily use. */
  | 'ACTIVE'
  /** Marked invalid with a reason; kept for traceability, out of daily work and reports. */
  | 'VOID'
  /** Moved to the archive store; searchable and restorable. */
  | 'ARCHIVED'
  /** Merged into another customer (the survivor); can be unmerged. */
  | 'MERGED';

/** Where a customer was kept: among live customers or in the archive. */
export type CustomerStore =
  /** Live customers. */
  | 'LIVE'
  /** The archive store. */
  | 'ARCHIVE';

/** Commercial value tier used by archive rules and reports. */
export type CustomerTier =
  /** Key account: strategic, handled with priority. */
  | 'KEY_ACCOUNT'
  /** Long-term customer with a lasting relationship. */
  | 'LONG_TERM'
  /** Everyone else. */
  | 'STANDARD';

/** Kind of customer. */
export type CustomerType =
  /** A large organisation. */
  | 'ENTERPRISE'
  /** A small or medium-sized business. */
  | 'SMB'
  /** A private person. */
  | 'INDIVIDUAL';

/** How to resolve data-quality issues. */
export type DataQualityAction =
  /** Write the suggested value (issues without a suggestion are refused). */
  | 'APPLY_SUGGESTION'
  /** Not a problem: hide the issue while the value stays as it is. */
  | 'DISMISS';

/** Open data-quality issues of one kind. */
export interface DataQualityCount {
  __typename?: 'DataQualityCount';
  /** The field with the problem. */
  field: CleanupField;
  /** The problem. */
  problem: DataQualityProblem;
  /** Issues (one per customer). */
  count: Scalars['Int'];
}

/** Which data-quality issues to list. */
export interface DataQualityFilter {
  /** Which customers (default: all ACTIVE ones you may edit). */
  customer?: CustomerFilter | null;
  /** Only these problems. */
  problem?: Array<DataQualityProblem> | null;
  /** Only issues about these fields. */
  field?: Array<CleanupField> | null;
  /** Years without edit or contact that count as outdated (default DATA_QUALITY_OUTDATED_YEARS). */
  outdatedYears?: Scalars['Int'] | null;
}

/** One problem with one field of one customer, with a suggested fix where there is one. */
export interface DataQualityIssue {
  __typename?: 'DataQualityIssue';
  /** customerId:field:problem; stable while the problem lasts. */
  id: Scalars['ID'];
  /** The customer. */
  customer: Customer;
  /** The field. */
  field: CleanupField;
  /** What is wrong. */
  problem: DataQualityProblem;
  /** The value now, under your field permissions (masked when your role reads it masked). */
  value: Scalars['String'] | null;
  /** Whether APPLY_SUGGESTION can fix it (a null suggestion then clears the value). */
  hasSuggestion: Scalars['Boolean'];
  /** The suggested value, under your field permissions. */
  suggestion: Scalars['String'] | null;
  /** The problem in words (never with the value). */
  message: Scalars['String'];
}

/** A page of data-quality issues, by customer id. */
export interface DataQualityIssueConnection {
  __typename?: 'DataQualityIssueConnection';
  /** Items with their cursors. */
  edges: Array<DataQualityIssueEdge>;
  /** Items without cursors. */
  nodes: Array<DataQualityIssue>;
  /** Paging state (forward paging only). */
  pageInfo: PageInfo;
  /** Number of issues matching the filter (reads every candidate customer: ask only when needed). */
  totalCount: Scalars['Int'];
}

/** An edge in a DataQualityIssue connection. */
export interface DataQualityIssueEdge {
  __typename?: 'DataQualityIssueEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: DataQualityIssue;
}

/** One issue, as listed. */
export interface DataQualityIssueRef {
  /** The customer. (Customer global id.) */
  customerId: Scalars['ID'];
  /** The field. */
  field: CleanupField;
  /** The problem. */
  problem: DataQualityProblem;
}

/** What is wrong with a customer value. */
export type DataQualityProblem =
  /** Not a deliverable email address (syntax or domain). */
  | 'INVALID_EMAIL'
  /** Not a valid number in its country’s numbering plan. */
  | 'INVALID_PHONE'
  /** Not a valid tax id (for Chinese regions: not a unified social credit code). */
  | 'INVALID_TAX_ID'
  /** Region or industry is not one of the fixed codes. */
  | 'INVALID_CODE'
  /** Valid, but not in its canonical form; the suggestion is the canonical form. */
  | 'NOT_NORMALIZED'
  /** Neither an email nor a phone number. */
  | 'MISSING_CONTACT'
  /** A placeholder such as "test" or "111111" instead of a real value. */
  | 'PLACEHOLDER'
  /** Neither edited nor contacted for longer than the threshold. */
  | 'OUTDATED'
  /** Contradicts another field (e.g. a phone from another country than the region). */
  | 'CONFLICTING';

/** A decision on, or the withdrawal of, a four-eyes request. */
export interface DecideApprovalInput {
  /** The request. (ApprovalRequest global id.) */
  id: Scalars['ID'];
  /** What you say about it (kept on the request and in the audit log). */
  note?: Scalars['String'] | null;
}

/** The archive policy to delete. */
export interface DeleteArchivePolicyInput {
  /** Policy id. (ArchivePolicy global id.) */
  id: Scalars['ID'];
  /** The version you read; a stale version fails with CONFLICT. */
  version: Scalars['Int'];
}

/** Result of deleteArchivePolicy. */
export interface DeleteArchivePolicyPayload {
  __typename?: 'DeleteArchivePolicyPayload';
  /** The policy as it was before it was deleted. */
  policy: ArchivePolicy;
}

/** Deletes a saved segment. */
export interface DeleteSegmentInput {
  /** The segment. (Segment global id.) */
  id: Scalars['ID'];
  /** The version you read. */
  version: Scalars['Int'];
}

/** Deletes a tag from the tag list and from every live customer. */
export interface DeleteTagInput {
  /** The tag. */
  name: Scalars['String'];
}

/** Options of a duplicate detection run. */
export interface DetectDuplicatesInput {
  /** Name similarity from which names count as similar (default DUPLICATE_NAME_SIMILARITY). */
  nameSimilarity?: Scalars['Float'] | null;
}

/** Result of detectDuplicates. */
export interface DetectDuplicatesPayload {
  __typename?: 'DetectDuplicatesPayload';
  /** The queued detection job. */
  job: Job;
}

/** Marks a duplicate group as not duplicates; detection will not pair these customers again. */
export interface DismissDuplicateInput {
  /** The group. */
  groupId: Scalars['ID'];
  /** Why they are different customers. */
  reason?: Scalars['String'] | null;
}

/** Result of dismissDuplicate. */
export interface DismissDuplicatePayload {
  __typename?: 'DismissDuplicatePayload';
  /** The dismissed group (now gone from the list). */
  groupId: Scalars['ID'];
  /** Customer pairs remembered as not duplicates. */
  dismissedPairs: Scalars['Int'];
}

/** Which duplicate groups to list. */
export interface DuplicateFilter {
  /** Only groups scoring at least this (0–1). */
  minScore?: Scalars['Float'] | null;
  /** Only groups in these regions. */
  region?: Array<Scalars['String']> | null;
  /** Only groups containing this customer. (Customer global id.) */
  customerId?: Scalars['ID'] | null;
  /** Only groups with at least one of these reason kinds (EMAIL, PHONE, TAX_ID, NAME, SIMILAR_NAME); a kind on a field your role does not read in full is refused (FORBIDDEN). */
  reason?: Array<Scalars['String']> | null;
}

/** Customers that are probably the same, from the latest detection run. */
export interface DuplicateGroup {
  __typename?: 'DuplicateGroup';
  /** Stable identifier (until the next detection run). */
  id: Scalars['ID'];
  /** How likely the group is one customer (0–1): independent reasons add up. Computed from the reasons you may see. */
  score: Scalars['Float'];
  /** The region all members share, if they do. */
  region: Scalars['String'] | null;
  /** Why, strongest first: only evidence on fields your role reads in full (MANAGER does not see TAX_ID). */
  reasons: Array<DuplicateReason>;
  /** The member customers’ ids. (Customer global id.) */
  memberIds: Array<Scalars['ID']>;
  /** When the detection run found it. */
  createdAt: Scalars['DateTime'];
  /** The members that are still ACTIVE, under your field permissions. */
  customers: Array<Customer>;
}

/** A page of DuplicateGroup items. */
export interface DuplicateGroupConnection {
  __typename?: 'DuplicateGroupConnection';
  /** Items with their cursors. */
  edges: Array<DuplicateGroupEdge>;
  /** Items without cursors. */
  nodes: Array<DuplicateGroup>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a DuplicateGroup connection. */
export interface DuplicateGroupEdge {
  __typename?: 'DuplicateGroupEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: DuplicateGroup;
}

/** How a customer matches another (the same rules as duplicate detection). */
export type DuplicateMatchKind =
  /** Same email address after normalization. */
  | 'EMAIL'
  /** Same phone number after normalization (E.164; a national trunk 0 and the country code ignored). */
  | 'PHONE'
  /** Same tax id (compared through its blind index). */
  | 'TAX_ID'
  /** Same name in the same region (ignoring case, spacing, full-width forms and legal form). */
  | 'NAME'
  /** Similar name in the same region (trigram similarity from DUPLICATE_NAME_SIMILARITY). */
  | 'SIMILAR_NAME';

/** One reason two customers look like the same one. */
export interface DuplicateMatchReason {
  __typename?: 'DuplicateMatchReason';
  /** What they share. */
  kind: DuplicateMatchKind;
  /** Strength of this evidence (0–1; for SIMILAR_NAME the trigram similarity). */
  score: Scalars['Float'];
  /** What the duplicate rule for this kind does (WARN here: a BLOCK refuses the write instead). */
  action: DuplicateRuleAction;
}

/** Why customers of a group look like the same one. */
export interface DuplicateReason {
  __typename?: 'DuplicateReason';
  /** EMAIL, PHONE, TAX_ID, NAME or SIMILAR_NAME. */
  kind: Scalars['String'];
  /** Strength of this evidence (0–1; for SIMILAR_NAME the best trigram similarity). */
  score: Scalars['Float'];
  /** How many pairs in the group share it. */
  pairs: Scalars['Int'];
  /** The reason in words (never the values themselves). */
  description: Scalars['String'];
}

/** Pending duplicate groups showing one kind of evidence. */
export interface DuplicateReasonCount {
  __typename?: 'DuplicateReasonCount';
  /** EMAIL, PHONE, TAX_ID, NAME or SIMILAR_NAME. */
  kind: Scalars['String'];
  /** Pending groups with this evidence (a group may show several). */
  groups: Scalars['Int'];
}

/** What a match of one kind does when a customer is created, changed or imported. */
export interface DuplicateRule {
  __typename?: 'DuplicateRule';
  /** The kind of match. */
  kind: DuplicateMatchKind;
  /** Warn, block, or not check. */
  action: DuplicateRuleAction;
  /** When the rule was last set. */
  updatedAt: Scalars['DateTime'];
}

/** What a match of one kind does to a create or update. */
export type DuplicateRuleAction =
  /** Not checked. */
  | 'OFF'
  /** The write happens; the match is returned in `possibleDuplicates`. */
  | 'WARN'
  /** The write is refused (CONFLICT, reason INTAKE_DUPLICATE_BLOCKED); nothing is written. */
  | 'BLOCK';

/** Erases a person's personal data (PIPL/GDPR request) in the live and archive stores. */
export interface ErasePersonalDataInput {
  /** The customer (live or archived). (Customer or ArchivedCustomer global id.) */
  id: Scalars['ID'];
  /** The request this fulfils (reference, not personal data). */
  reason: Scalars['String'];
  /** The customer's code, typed again to confirm. */
  confirm: Scalars['String'];
}

/** Erases the personal data of customers a request matches (an erasure request). */
export interface EraseSubjectDataInput {
  /** The request (of kind ERASURE). (SubjectRequest global id.) */
  id: Scalars['ID'];
  /** The matched customers to erase (live or archived). (Customer or ArchivedCustomer global id.) */
  customerIds: Array<Scalars['ID']>;
  /** The number of customers, typed again to confirm. */
  confirmCount: Scalars['Int'];
}

/** File format of an export. */
export type ExportFormat =
  /** UTF-8 CSV with a byte-order mark (opens correctly in Excel), RFC 4180 quoting. */
  | 'CSV'
  /** Excel workbook, one sheet. */
  | 'XLSX';

/** Language of the column headers. */
export type ExportLanguage =
  /** English headers. */
  | 'EN'
  /** Simplified Chinese headers. */
  | 'ZH_CN';

/** What an export contains. */
export type ExportResource =
  /** Live customers (the customers list filter). */
  | 'CUSTOMERS'
  /** Archived customers (the archived customers filter). */
  | 'ARCHIVED_CUSTOMERS'
  /** Live interactions (the interactions filter). */
  | 'INTERACTIONS'
  /** Audit log entries (the audit events filter). */
  | 'AUDIT_EVENTS';

/** The word for one coded value of one column, written in its place (e.g. tier SMB as 中小企业). */
export interface ExportValueLabel {
  /** The column key, as `columns` of the payload names it (e.g. tier). */
  column: Scalars['String'];
  /** The stored value (e.g. SMB). */
  value: Scalars['String'];
  /** What to write instead. */
  label: Scalars['String'];
}

/** One value of a facet and how many matches have it. */
export interface FacetValue {
  __typename?: 'FacetValue';
  /** The value (enum values as their names, years as digits). */
  value: Scalars['String'];
  /** Matches with this value, under the caller’s row rules. */
  count: Scalars['Int'];
}

/** A column of the file and the customer field it fills. */
export interface ImportColumn {
  __typename?: 'ImportColumn';
  /** Position, from 0. */
  index: Scalars['Int'];
  /** The header cell. */
  header: Scalars['String'];
  /** The customer field (code, name, type, tier, industry, region, email, phone, address, taxId, tags, notes), or null when the column is not imported. */
  field: Scalars['String'] | null;
}

/** A column and the field it fills. */
export interface ImportColumnInput {
  /** Column position, from 0. */
  index: Scalars['Int'];
  /** The customer field. */
  field: Scalars['String'];
}

/** What an import did (or, after a dry run, would do), by row; after an undo, by customer. */
export interface ImportCounts {
  __typename?: 'ImportCounts';
  /** Data rows in the file. */
  rows: Scalars['Int'] | null;
  /** Rows that created a customer. */
  created: Scalars['Int'] | null;
  /** Rows that updated an existing customer. */
  updated: Scalars['Int'] | null;
  /** Rows skipped because they match an existing customer. */
  skipped: Scalars['Int'] | null;
  /** Rows with a problem (see errorFile); nothing was written for them. */
  errored: Scalars['Int'] | null;
  /** Rows created and put up for merge review with their match. */
  queued: Scalars['Int'] | null;
  /** Rows that matched an existing customer. */
  duplicates: Scalars['Int'] | null;
  /** True when these are a dry run’s counts. */
  dryRun: Scalars['Boolean'] | null;
  /** Undo: created customers removed. */
  removed: Scalars['Int'] | null;
  /** Undo: created customers voided because they were changed since. */
  voided: Scalars['Int'] | null;
  /** Undo: updated customers restored to their values before the import. */
  restored: Scalars['Int'] | null;
  /** Undo: customers left as they are (changed since, or no longer live). */
  kept: Scalars['Int'] | null;
}

/** What an import does with a row that matches an existing customer (under a WARN duplicate rule; a BLOCK rule makes the row an error). */
export type ImportDuplicateAction =
  /** Leave the existing customer; write nothing. */
  | 'SKIP'
  /** Write the row’s values onto the best match (its code stays); only your own customers for roles limited to them. */
  | 'UPDATE'
  /** Create a new customer anyway. */
  | 'CREATE'
  /** Create it and put it with its match up for merge review (duplicateCandidates). */
  | 'QUEUE_MERGE';

/** A row of the file that matched existing customers, or earlier rows of the same file, in the last dry run or run. */
export interface ImportDuplicateRow {
  __typename?: 'ImportDuplicateRow';
  /** Row number (1 = the first row after the header). */
  rowNo: Scalars['Int'];
  /** The values it would write (after mapping and normalization). */
  values: Array<ImportValue>;
  /** Its own duplicate handling (chooseImportRowActions), or null for the import’s. */
  action: ImportDuplicateAction | null;
  /** How many existing customers it matched. */
  matchCount: Scalars['Int'];
  /** Earlier rows of the same file it repeats whose customers do not exist yet (a dry run: the run matches the customers those rows create, counted in `matchCount`). */
  earlierRows: Array<Scalars['Int']>;
  /** The matched customers you may see, most likely first (the others are only counted). */
  customers: Array<Customer>;
}

/** A row of the file after mapping and normalization. */
export interface ImportPreviewRow {
  __typename?: 'ImportPreviewRow';
  /** Row number (1 = the first row after the header). */
  rowNo: Scalars['Int'];
  /** The values it would write. */
  values: Array<ImportValue>;
  /** Its problems (empty when it can be imported). */
  problems: Array<ImportProblem>;
}

/** Why a row cannot be imported. */
export interface ImportProblem {
  __typename?: 'ImportProblem';
  /** The customer field (or `duplicate`, `row`). */
  field: Scalars['String'];
  /** What is wrong. */
  message: Scalars['String'];
}

/** The import’s current (or last) job. */
export interface ImportProgress {
  __typename?: 'ImportProgress';
  /** The job. (Job global id.) */
  jobId: Scalars['ID'];
  /** QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED. */
  state: Scalars['String'];
  /** Rows done. */
  done: Scalars['Int'];
  /** Rows in all. */
  total: Scalars['Int'] | null;
  /** Why it failed. */
  error: Scalars['String'] | null;
}

/** A row’s own duplicate handling. */
export interface ImportRowActionInput {
  /** Row number. */
  rowNo: Scalars['Int'];
  /** The action, or null for the import’s. */
  action?: ImportDuplicateAction | null;
}

/** A column mapping remembered under a name (configureCustomerImport templateName); a file with the same header row gets it at upload. */
export interface ImportTemplate {
  __typename?: 'ImportTemplate';
  /** Identifier. */
  id: Scalars['ID'];
  /** Its name. */
  name: Scalars['String'];
  /** The header row it was made for, each column with its field. */
  columns: Array<ImportColumn>;
}

/** One field of a previewed row, as it would be written. */
export interface ImportValue {
  __typename?: 'ImportValue';
  /** The customer field. */
  field: Scalars['String'];
  /** The value after normalization (tags joined with commas). */
  value: Scalars['String'];
}

/** One entry of a customer's interaction history: a call, email, meeting, visit, order, ticket, complaint or note. */
export interface Interaction extends Node {
  __typename?: 'Interaction';
  /** Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md). */
  id: Scalars['ID'];
  /** What happened. */
  kind: InteractionKind;
  /** When it happened. */
  occurredAt: Scalars['DateTime'];
  /** Channel it happened through. */
  channel: InteractionChannel | null;
  /** Short summary. */
  subject: Scalars['String'];
  /** Full text (call notes, email body, ticket description…). */
  body: Scalars['String'] | null;
  /** Order amount (ORDER only), exact decimal. */
  amount: Scalars['Decimal'] | null;
  /** ISO 4217 currency of the amount, e.g. CNY. */
  currency: Scalars['String'] | null;
  /** When it was recorded. */
  createdAt: Scalars['DateTime'];
  /** The customer this interaction belongs to. */
  customer: Customer;
  /** Who recorded it. */
  owner: User | null;
}

/** Channel through which an interaction took place. */
export type InteractionChannel =
  /** Telephone. */
  | 'PHONE'
  /** Email. */
  | 'EMAIL'
  /** WeChat. */
  | 'WECHAT'
  /** Face to face. */
  | 'IN_PERSON'
  /** Website or web portal. */
  | 'WEB'
  /** Any other channel. */
  | 'OTHER';

/** A page of Interaction items. */
export interface InteractionConnection {
  __typename?: 'InteractionConnection';
  /** Items with their cursors. */
  edges: Array<InteractionEdge>;
  /** Items without cursors. */
  nodes: Array<Interaction>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a Interaction connection. */
export interface InteractionEdge {
  __typename?: 'InteractionEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: Interaction;
}

/** Which interactions to list. */
export interface InteractionFilter {
  /** Of any of these customers (top-level list only). (Customer or ArchivedCustomer global id.) */
  customerId?: Array<Scalars['ID']> | null;
  /** Any of these kinds. */
  kind?: Array<InteractionKind> | null;
  /** Any of these channels. */
  channel?: Array<InteractionChannel> | null;
  /** Recorded by any of these users. (User global id.) */
  ownerId?: Array<Scalars['ID']> | null;
  /** Occurred at or after this time. */
  occurredAfter?: Scalars['DateTime'] | null;
  /** Occurred before this time. */
  occurredBefore?: Scalars['DateTime'] | null;
}

/** What happened between the company and the customer. */
export type InteractionKind =
  /** A phone call. */
  | 'CALL'
  /** An email exchange. */
  | 'EMAIL'
  /** A meeting (online or in person). */
  | 'MEETING'
  /** A visit to the customer. */
  | 'VISIT'
  /** An order; carries an amount and currency. */
  | 'ORDER'
  /** A support ticket. */
  | 'TICKET'
  /** A complaint. */
  | 'COMPLAINT'
  /** An internal note. */
  | 'NOTE';

/** One sort key for interactions. */
export interface InteractionOrder {
  /** Field to sort by. */
  field: InteractionSortField;
  /** Direction. */
  direction?: SortDirection;
}

/** Fields interactions can be sorted by. */
export type InteractionSortField =
  /** When it happened. */
  | 'OCCURRED_AT'
  /** When it was recorded. */
  | 'CREATED_AT'
  /** Order amount (none counts as smallest). */
  | 'AMOUNT';

/** A background job: an archive policy run, a bulk archive or a classification. */
export interface Job extends Node {
  __typename?: 'Job';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** What the job does. */
  kind: JobKind;
  /** Where the job is in its life. */
  state: JobState;
  /** What the job was asked to do (depends on `kind`). */
  params: Scalars['JSONObject'];
  /** What the job did (set when it finished or was cancelled). */
  result: Scalars['JSONObject'] | null;
  /** Why the job failed (state FAILED). */
  error: Scalars['String'] | null;
  /** When the job was queued. */
  createdAt: Scalars['DateTime'];
  /** When a worker first started it. */
  startedAt: Scalars['DateTime'] | null;
  /** When it succeeded, failed or was cancelled. */
  finishedAt: Scalars['DateTime'] | null;
  /** How many times a worker took it up (more than 1 after a worker was lost). */
  attempts: Scalars['Int'];
  /** Whether cancellation was requested; a running job stops after its current batch. */
  cancelRequested: Scalars['Boolean'];
  /** Why the server queued the job, as a code to put in words; null when a person gave the reason (`params.reason`) or none was recorded. */
  reasonCode: JobReasonCode | null;
  /** Units done and in total. */
  progress: JobProgress;
  /** Who started the job; null for scheduled runs (the system). */
  createdBy: User | null;
}

/** A page of Job items. */
export interface JobConnection {
  __typename?: 'JobConnection';
  /** Items with their cursors. */
  edges: Array<JobEdge>;
  /** Items without cursors. */
  nodes: Array<Job>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a Job connection. */
export interface JobEdge {
  __typename?: 'JobEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: Job;
}

/** Which jobs to list (newest first). */
export interface JobFilter {
  /** Any of these states. */
  state?: Array<JobState> | null;
  /** Any of these kinds. */
  kind?: Array<JobKind> | null;
}

/** What a background job does. */
export type JobKind =
  /** Runs an archive policy: moves the customers (or interactions) it selects to the archive. */
  | 'ARCHIVE_POLICY_RUN'
  /** Archives all interactions older than a date, for every customer. */
  | 'ARCHIVE_INTERACTIONS'
  /** Recomputes customers’ lifecycle stages from their activity. */
  | 'CLASSIFY_LIFECYCLE'
  /** Carries out the recycle bin’s purges that are due, then purges archived customers whose retention period has ended; never one under legal hold. */
  | 'RETENTION_SWEEP'
  /** Writes a logical backup of every table from one consistent snapshot. */
  | 'BACKUP'
  /** Restores a backup into a scratch database and checks it against its manifest. */
  | 'BACKUP_DRILL'
  /** Rebuilds the archive search index from the archive tables. */
  | 'REINDEX_SEARCH'
  /** Rewrites customer values into their canonical forms (phones to E.164, emails, names, codes). */
  | 'NORMALIZE_CUSTOMERS'
  /** Finds groups of customers that are probably the same, for review and merge. */
  | 'DETECT_DUPLICATES'
  /** Counts open data-quality issues for the reports (cleanupStats), changing no customer. */
  | 'COUNT_DATA_QUALITY'
  /** Re-encrypts sensitive values (and legacy plaintext) under the current encryption key, with fresh blind indexes. */
  | 'ROTATE_ENCRYPTION_KEYS'
  /** Applies the suggested fixes of (or dismisses) every open data-quality issue a filter selects, as the person who queued it. */
  | 'RESOLVE_DATA_QUALITY'
  /** Checks (dry run) or imports the rows of an uploaded customer file, through the duplicate rules. */
  | 'IMPORT_CUSTOMERS'
  /** Undoes a customer import: removes the customers it created and restores those it updated. */
  | 'UNDO_CUSTOMER_IMPORT'
  /** Runs an approved four-eyes request’s operation once, as the approver, naming the requester. */
  | 'APPROVED_OPERATION'
  /** Gathers everything held about the subject of a data-subject request into a sealed bundle to download. */
  | 'SUBJECT_ACCESS_EXPORT';

/** How far a job is. */
export interface JobProgress {
  __typename?: 'JobProgress';
  /** Units done so far (customers, for archive and classification jobs). */
  done: Scalars['Int'];
  /** Units in total; null until the job has counted its work. */
  total: Scalars['Int'] | null;
}

/** Why the server queued a job when no person typed a reason; translate it, and show `params.reason` when it is null. */
export type JobReasonCode =
  /** A retention sweep started by a person without a reason: archived customers whose retention period has ended. */
  | 'RETENTION_PERIOD_ENDED'
  /** The retention sweep of RETENTION_SCHEDULE. */
  | 'SCHEDULED_RETENTION'
  /** The recycle bin’s sweep of RECYCLE_BIN_SCHEDULE: a purge’s countdown ended. */
  | 'SCHEDULED_RECYCLE_BIN'
  /** A run of the archive policy named by `params.policyName` (on its schedule or started by a person). */
  | 'ARCHIVE_POLICY';

/** Where a background job is in its life. */
export type JobState =
  /** Waiting for a worker (also after a worker was lost: it resumes from its checkpoint). */
  | 'QUEUED'
  /** A worker is processing it, batch by batch. */
  | 'RUNNING'
  /** Finished; `result` says what it did. */
  | 'SUCCEEDED'
  /** Stopped by an error; `error` says why. Completed batches stay done. */
  | 'FAILED'
  /** Stopped on request between two batches; completed batches stay done. */
  | 'CANCELLED';

/** Lifecycle transitions in one time bucket, counted from the audit log. */
export interface LifecycleActivity {
  __typename?: 'LifecycleActivity';
  /** Start of the bucket: local midnight in the report’s time zone, as an instant. */
  bucket: Scalars['DateTime'];
  /** Customers archived (by hand or by policy). */
  archived: Scalars['Int'];
  /** Customers restored from the archive. */
  restored: Scalars['Int'];
  /** Customers voided. */
  voided: Scalars['Int'];
  /** Customers unvoided. */
  unvoided: Scalars['Int'];
  /** Customers purged (tombstones in the audit log). */
  purged: Scalars['Int'];
  /** Customers merged into a survivor. */
  merged: Scalars['Int'];
  /** Customers brought back by an unmerge. */
  unmerged: Scalars['Int'];
}

/** One id of a bulk lifecycle action that was not processed, and why. */
export interface LifecycleFailure {
  __typename?: 'LifecycleFailure';
  /** The id as given. (Customer global id.) */
  id: Scalars['ID'];
  /** NOT_FOUND (missing or not visible to you), INVALID_STATE (the transition is not allowed) or CONFLICT (another customer holds its code). */
  code: Scalars['String'];
  /** What went wrong, for people. */
  message: Scalars['String'];
}

/** Business lifecycle stage (a classification, not the record status). */
export type LifecycleStage =
  /** Recently acquired, no established activity yet. */
  | 'NEW'
  /** Doing business regularly. */
  | 'ACTIVE'
  /** No recent activity. */
  | 'INACTIVE'
  /** Has left. */
  | 'CHURNED';

/** Credentials. */
export interface LoginInput {
  /** Login email address. */
  email: Scalars['String'];
  /** Password. */
  password: Scalars['String'];
}

/** Result of login: a new session. */
export interface LoginPayload {
  __typename?: 'LoginPayload';
  /** Access token: send as `Authorization: Bearer <token>`. */
  token: Scalars['String'];
  /** When the access token expires; refresh before then. */
  expiresAt: Scalars['DateTime'];
  /** Single-use token for refreshToken, valid for days. */
  refreshToken: Scalars['String'];
  /** The signed-in user. */
  user: User;
}

/** An interaction to add to a customer's history. */
export interface LogInteractionInput {
  /** The customer it concerns. (Customer global id.) */
  customerId: Scalars['ID'];
  /** What happened. */
  kind: InteractionKind;
  /** When it happened (default: now). */
  occurredAt?: Scalars['DateTime'] | null;
  /** Channel it happened through. */
  channel?: InteractionChannel | null;
  /** Short summary. */
  subject: Scalars['String'];
  /** Full text. */
  body?: Scalars['String'] | null;
  /** Amount; required for ORDER. */
  amount?: Scalars['Decimal'] | null;
  /** ISO 4217 currency code; required with an amount. */
  currency?: Scalars['String'] | null;
  /** Who recorded it (default: the customer's owner). (User global id.) */
  ownerId?: Scalars['ID'] | null;
}

/** Result of logInteraction. */
export interface LogInteractionPayload {
  __typename?: 'LogInteractionPayload';
  /** The logged interaction. */
  interaction: Interaction;
}

/** How far logout reaches. */
export interface LogoutInput {
  /** true ends every session of the caller (all devices), not just this one. */
  everywhere?: Scalars['Boolean'] | null;
}

/** Result of logout. */
export interface LogoutPayload {
  __typename?: 'LogoutPayload';
  /** Sessions ended (0 when this one had ended already). */
  sessionsEnded: Scalars['Int'];
}

/** Merges 2–10 ACTIVE customers into one survivor. */
export interface MergeCustomersInput {
  /** The customer that stays. (Customer global id.) */
  survivorId: Scalars['ID'];
  /** The customers merged into the survivor (1–9); they become MERGED. (Customer global id.) */
  mergedIds: Array<Scalars['ID']>;
  /** Field-by-field choices. A field not picked keeps the survivor’s value, or when that is empty the first merged customer’s non-empty value. */
  picks?: Array<MergePickInput> | null;
  /** The version you read of every party; required unless dryRun. Any stale version fails the whole merge with CONFLICT. */
  versions?: Array<PartyVersionInput> | null;
  /** true: return the merged survivor as it would be, and save nothing. */
  dryRun?: Scalars['Boolean'];
  /** Why (kept in the audit log). */
  reason?: Scalars['String'] | null;
}

/** Result of mergeCustomers. */
export interface MergeCustomersPayload {
  __typename?: 'MergeCustomersPayload';
  /** The survivor after the merge (as it would be, on a dry run). */
  survivor: Customer;
  /** The merge (null on a dry run). */
  merge: CustomerMerge | null;
  /** Interactions that move (moved) to the survivor. On a dry run the survivor’s own relations still show the saved state. */
  movedInteractions: Scalars['Int'];
  /** Whether nothing was saved. */
  dryRun: Scalars['Boolean'];
}

/** Which merges to list. */
export interface MergeFilter {
  /** Merges in which this customer took part (as survivor or merged). (Customer global id.) */
  customerId?: Scalars['ID'] | null;
  /** true: only merges still in effect; false: only undone ones. */
  active?: Scalars['Boolean'] | null;
}

/** A field of a merge’s result and the party it came from. */
export interface MergePick {
  __typename?: 'MergePick';
  /** The field. */
  field: CleanupField;
  /** The party whose value was kept. (Customer global id.) */
  fromId: Scalars['ID'];
}

/** Take one field of the merged result from one party. */
export interface MergePickInput {
  /** The field (TAGS, CONTACT and ACTIVITY cannot be picked: tags are united). */
  field: CleanupField;
  /** The party (survivor or merged customer) whose value to keep. (Customer global id.) */
  fromId: Scalars['ID'];
}

/** Changes. Each takes one `input` object and returns a payload; a failed mutation changes nothing. */
export interface Mutation {
  __typename?: 'Mutation';
  /** Moves ACTIVE or VOID customers and their whole history to the archive store. Other ids are reported in `failures`. */
  archiveCustomers: ArchiveCustomersPayload;
  /** Puts archived customers back exactly as they were, with the status they had. Other ids are reported in `failures`. */
  restoreCustomers: RestoreCustomersPayload;
  /** Archives interactions older than a date; their customers stay live. */
  archiveInteractions: ArchiveInteractionsPayload;
  /** Sets or lifts a legal hold, which blocks purge and retention sweeps (ADMIN). */
  setLegalHold: CustomerInStorePayload;
  /** Erases a person's personal data in both stores on a privacy request (ADMIN); non-personal facts stay for statistics. */
  erasePersonalData: CustomerInStorePayload;
  /** Marks an ACTIVE customer invalid (VOID): kept for traceability, out of daily lists and reports; undo with unvoidCustomer. */
  voidCustomer: VoidCustomerPayload;
  /** Voids many ACTIVE customers; ids that cannot be voided are listed in `failures`. */
  voidCustomers: VoidCustomersPayload;
  /** Puts a VOID customer back to ACTIVE. */
  unvoidCustomer: VoidCustomerPayload;
  /** Puts many VOID customers back to ACTIVE; other ids are listed in `failures`. */
  unvoidCustomers: VoidCustomersPayload;
  /** Creates a customer. Existing customers it matches come back in `possibleDuplicates`; a match of a kind whose duplicate rule is BLOCK refuses it (CONFLICT, reason INTAKE_DUPLICATE_BLOCKED). */
  createCustomer: CreateCustomerPayload;
  /** Changes a customer; fails with CONFLICT when `version` is stale. Changed values are checked for duplicates like createCustomer’s. */
  updateCustomer: UpdateCustomerPayload;
  /** Sets what matches of one kind do (ADMIN). */
  setDuplicateRule: SetDuplicateRulePayload;
  /** Sets the mapping (fields your role may not write are refused by name) and the duplicate handling; saves it as a template when named. */
  configureCustomerImport: CustomerImportPayload;
  /** Chooses duplicate handling for single rows (before the run). */
  chooseImportRowActions: ChooseImportRowActionsPayload;
  /** Starts a dry run: every row validated and compared with the customers, counts of what would happen, nothing written. */
  checkCustomerImport: CustomerImportPayload;
  /** Starts the import job (progress on `progress`; cancel with cancelJob; run again after a cancel to go on where it stopped). */
  runCustomerImport: CustomerImportPayload;
  /** Undoes an import as one job: created customers removed (voided when changed since), updated ones restored exactly (kept when changed since). */
  undoCustomerImport: CustomerImportPayload;
  /** Signs in with email and password; open without a token. Repeated failures per email and per client address are answered TOO_MANY_REQUESTS (HTTP 429, Retry-After) for a while. */
  login: LoginPayload;
  /** Trades a refresh token for a new session; works without an access token. */
  refreshToken: RefreshTokenPayload;
  /** Ends the caller's session (access and refresh tokens), or all of the caller's sessions. */
  logout: LogoutPayload;
  /** Ends every session of a user, access tokens included (ADMIN only). */
  revokeSessions: RevokeSessionsPayload;
  /** Lifts a sign-in lock on a user's email before it expires (ADMIN only). */
  unlockUser: UnlockUserPayload;
  /** Creates a staff user (ADMIN only). */
  createUser: CreateUserPayload;
  /** Changes a user's name, role or enabled state (ADMIN only). */
  updateUser: UpdateUserPayload;
  /** Sets a new password and ends the user's sessions (ADMIN only). */
  resetUserPassword: ResetUserPasswordPayload;
  /** Adds an interaction to an ACTIVE customer's history. */
  logInteraction: LogInteractionPayload;
  /** Creates an archive policy. */
  createArchivePolicy: CreateArchivePolicyPayload;
  /** Changes an archive policy; fails with CONFLICT when `version` is stale. */
  updateArchivePolicy: UpdateArchivePolicyPayload;
  /** Deletes an archive policy; runs already queued finish as they were. */
  deleteArchivePolicy: DeleteArchivePolicyPayload;
  /** Starts a run of an archive policy now, as a background job. */
  runArchivePolicy: RunArchivePolicyPayload;
  /** Cancels a queued job, or asks a running one to stop after its current batch. A role that may cancel only its own jobs cancels only an import it started; any other job reads as not found. */
  cancelJob: CancelJobPayload;
  /** Recomputes lifecycle stages from activity in a background job; customers whose stage was set by hand are left alone. */
  classifyLifecycleStages: ClassifyLifecycleStagesPayload;
  /** Purges, as a background job, every archived customer past its retainUntil that is not under legal hold; tombstones stay in the audit log. */
  runRetentionSweep: RunRetentionSweepPayload;
  /** Starts a backup as a background job (ADMIN); follow it with `job(id)`. */
  startBackup: StartBackupPayload;
  /** Starts a restore drill (ADMIN): the backup is restored into a scratch database, compared with its manifest and dropped. */
  startBackupDrill: StartBackupDrillPayload;
  /** Prepares a CSV or Excel export under your field guards and row rules and returns a download link valid for 10 minutes and one download. */
  createExport: CreateExportPayload;
  /** Rebuilds the archive search index in a background job (ADMIN). */
  reindexArchive: ReindexArchivePayload;
  /** Merges 2–10 ACTIVE customers into a survivor: field-by-field picks, interactions move to the survivor, the others become MERGED. With dryRun, shows the result and saves nothing. */
  mergeCustomers: MergeCustomersPayload;
  /** Undoes a merge exactly: every party back as it was, interactions back with their original customer. INVALID_STATE names what prevents it. */
  unmergeCustomers: UnmergeCustomersPayload;
  /** Marks a group as not duplicates; they will not be proposed together again. */
  dismissDuplicate: DismissDuplicatePayload;
  /** Recomputes the duplicate groups in a background job (replaces the previous run’s groups). */
  detectDuplicates: DetectDuplicatesPayload;
  /** Applies the suggested fixes of data-quality issues, or dismisses them, one by one or in bulk. */
  resolveDataQualityIssues: ResolveDataQualityIssuesPayload;
  /** Applies the suggested fixes of, or dismisses, every open issue the filter selects, as a background job with progress (for more issues than one call takes). */
  resolveAllDataQualityIssues: ResolveAllDataQualityIssuesPayload;
  /** Counts every open data-quality issue in a background job, for cleanupStats (ADMIN and MANAGER); one count runs at a time. */
  countDataQuality: CountDataQualityPayload;
  /** Normalizes phones (E.164), emails, names, tax ids, regions and industries. A dry run (the default) lists every change; otherwise a job applies them, audited per customer. */
  normalizeCustomers: NormalizeCustomersPayload;
  /** Creates or changes a saved segment (ADMIN and MANAGER). */
  saveSegment: SegmentPayload;
  /** Deletes a saved segment (ADMIN and MANAGER). */
  deleteSegment: SegmentPayload;
  /** Replaces the tags of one ACTIVE customer. */
  setCustomerTags: SetCustomerTagsPayload;
  /** Adds and removes tags on every ACTIVE customer a filter matches (with dryRun: only counts). */
  bulkTagCustomers: BulkTagCustomersPayload;
  /** Creates a tag or changes its name, colour or description (ADMIN and MANAGER). */
  saveTag: TagPayload;
  /** Deletes a tag and removes it from every live customer (ADMIN and MANAGER). */
  deleteTag: TagPayload;
  /** Re-encrypts every sensitive value not under the current encryption key (and any legacy plaintext) in a background job, with fresh blind indexes (ADMIN). Retired keys can leave ENCRYPTION_KEY once it has succeeded. */
  startKeyRotation: StartKeyRotationPayload;
  /** Takes back your own void, archive, bulk tag change or normalization within UNDO_WINDOW_MINUTES, customer by customer where nothing changed since; audited as an undo. Allowed to whoever did it, even where the reverse action is not theirs (someone who may void but not unvoid undoes their own void). */
  undoOperation: UndoOperationPayload;
  /** Undoes one history entry (all its revertible fields, or the ones named) on an ACTIVE customer; audited as CUSTOMER_REVERTED. */
  revertCustomer: RevertCustomerPayload;
  /** Puts a VOID or ARCHIVED customer in the recycle bin: the retention sweep purges it (irreversibly, export kept) once PURGE_DELAY_DAYS have passed, unless cancelled (ADMIN). `confirm` must equal its code; a legal hold blocks it. Purging at once takes an approved PURGE_NOW request (requestApproval). */
  purgeCustomer: PurgeCustomerPayload;
  /** Takes a waiting purge out of the recycle bin; the customer stays as it is (ADMIN). */
  cancelScheduledPurge: CancelScheduledPurgePayload;
  /** Asks a second person to approve an operation that needs one; records its parameters and a dry-run preview. Needs the operation’s own permission. */
  requestApproval: ApprovalRequestPayload;
  /** Approves someone else’s pending request (ADMIN and MANAGER, holding the operation’s permission); its operation then runs once as a job. Your own request: FORBIDDEN (APPROVAL_OWN_REQUEST). */
  approveRequest: ApprovalRequestPayload;
  /** Rejects someone else’s pending request (ADMIN and MANAGER, holding the operation’s permission); it never runs. */
  rejectRequest: ApprovalRequestPayload;
  /** Withdraws your own request while nobody has decided on it. */
  cancelApprovalRequest: ApprovalRequestPayload;
  /** Records a data-subject request; the due date follows from the regime (ADMIN and MANAGER). */
  createSubjectRequest: SubjectRequestPayload;
  /** Refuses a data-subject request, with the reason; its identifiers are then kept only masked. */
  rejectSubjectRequest: SubjectRequestPayload;
  /** Closes a data-subject request as answered; its identifiers and export are then dropped (masks stay). */
  completeSubjectRequest: SubjectRequestPayload;
  /** Starts the job that gathers everything held about the subject (ADMIN). */
  runSubjectAccessExport: RunSubjectAccessExportPayload;
  /** A single-use link to the finished export's JSON bundle or HTML summary (ADMIN). */
  subjectAccessExportLink: SubjectAccessExportLink;
  /** Erases matched customers through erasePersonalData, linked to an erasure request (ADMIN). */
  eraseSubjectData: SubjectRequestPayload;
  /** Corrects a matched live customer through updateCustomer, linked to a correction request. */
  correctSubjectData: SubjectRequestPayload;
}

/** Arguments of `Mutation.archiveCustomers`. */
export interface MutationArchiveCustomersArgs {
  /** Which customers and why. */
  input: ArchiveCustomersInput;
}

/** Arguments of `Mutation.restoreCustomers`. */
export interface MutationRestoreCustomersArgs {
  /** Which customers and why. */
  input: RestoreCustomersInput;
}

/** Arguments of `Mutation.archiveInteractions`. */
export interface MutationArchiveInteractionsArgs {
  /** Which interactions and why. */
  input: ArchiveInteractionsInput;
}

/** Arguments of `Mutation.setLegalHold`. */
export interface MutationSetLegalHoldArgs {
  /** The customer, hold or lift, and why. */
  input: SetLegalHoldInput;
}

/** Arguments of `Mutation.erasePersonalData`. */
export interface MutationErasePersonalDataArgs {
  /** The customer, the request reference, and the code to confirm. */
  input: ErasePersonalDataInput;
}

/** Arguments of `Mutation.voidCustomer`. */
export interface MutationVoidCustomerArgs {
  /** The customer and why. */
  input: VoidCustomerInput;
}

/** Arguments of `Mutation.voidCustomers`. */
export interface MutationVoidCustomersArgs {
  /** The customers and why. */
  input: VoidCustomersInput;
}

/** Arguments of `Mutation.unvoidCustomer`. */
export interface MutationUnvoidCustomerArgs {
  /** The customer and why. */
  input: UnvoidCustomerInput;
}

/** Arguments of `Mutation.unvoidCustomers`. */
export interface MutationUnvoidCustomersArgs {
  /** The customers and why. */
  input: UnvoidCustomersInput;
}

/** Arguments of `Mutation.createCustomer`. */
export interface MutationCreateCustomerArgs {
  /** The customer to create. */
  input: CreateCustomerInput;
}

/** Arguments of `Mutation.updateCustomer`. */
export interface MutationUpdateCustomerArgs {
  /** The customer, the version read and the changes. */
  input: UpdateCustomerInput;
}

/** Arguments of `Mutation.setDuplicateRule`. */
export interface MutationSetDuplicateRuleArgs {
  /** The kind and its action. */
  input: SetDuplicateRuleInput;
}

/** Arguments of `Mutation.configureCustomerImport`. */
export interface MutationConfigureCustomerImportArgs {
  /** The settings. */
  input: ConfigureCustomerImportInput;
}

/** Arguments of `Mutation.chooseImportRowActions`. */
export interface MutationChooseImportRowActionsArgs {
  /** The rows. */
  input: ChooseImportRowActionsInput;
}

/** Arguments of `Mutation.checkCustomerImport`. */
export interface MutationCheckCustomerImportArgs {
  /** The import. */
  input: CustomerImportInput;
}

/** Arguments of `Mutation.runCustomerImport`. */
export interface MutationRunCustomerImportArgs {
  /** The import. */
  input: CustomerImportInput;
}

/** Arguments of `Mutation.undoCustomerImport`. */
export interface MutationUndoCustomerImportArgs {
  /** The import. */
  input: CustomerImportInput;
}

/** Arguments of `Mutation.login`. */
export interface MutationLoginArgs {
  /** Credentials. */
  input: LoginInput;
}

/** Arguments of `Mutation.refreshToken`. */
export interface MutationRefreshTokenArgs {
  /** The refresh token. */
  input: RefreshTokenInput;
}

/** Arguments of `Mutation.logout`. */
export interface MutationLogoutArgs {
  /** Options. */
  input?: LogoutInput | null;
}

/** Arguments of `Mutation.revokeSessions`. */
export interface MutationRevokeSessionsArgs {
  /** The user. */
  input: RevokeSessionsInput;
}

/** Arguments of `Mutation.unlockUser`. */
export interface MutationUnlockUserArgs {
  /** The user. */
  input: UnlockUserInput;
}

/** Arguments of `Mutation.createUser`. */
export interface MutationCreateUserArgs {
  /** The user to create. */
  input: CreateUserInput;
}

/** Arguments of `Mutation.updateUser`. */
export interface MutationUpdateUserArgs {
  /** The user and the changes. */
  input: UpdateUserInput;
}

/** Arguments of `Mutation.resetUserPassword`. */
export interface MutationResetUserPasswordArgs {
  /** The user and the new password. */
  input: ResetUserPasswordInput;
}

/** Arguments of `Mutation.logInteraction`. */
export interface MutationLogInteractionArgs {
  /** The interaction to log. */
  input: LogInteractionInput;
}

/** Arguments of `Mutation.createArchivePolicy`. */
export interface MutationCreateArchivePolicyArgs {
  /** The policy to create. */
  input: CreateArchivePolicyInput;
}

/** Arguments of `Mutation.updateArchivePolicy`. */
export interface MutationUpdateArchivePolicyArgs {
  /** The policy, the version read and the changes. */
  input: UpdateArchivePolicyInput;
}

/** Arguments of `Mutation.deleteArchivePolicy`. */
export interface MutationDeleteArchivePolicyArgs {
  /** The policy and the version read. */
  input: DeleteArchivePolicyInput;
}

/** Arguments of `Mutation.runArchivePolicy`. */
export interface MutationRunArchivePolicyArgs {
  /** The policy to run. */
  input: RunArchivePolicyInput;
}

/** Arguments of `Mutation.cancelJob`. */
export interface MutationCancelJobArgs {
  /** The job to cancel. */
  input: CancelJobInput;
}

/** Arguments of `Mutation.classifyLifecycleStages`. */
export interface MutationClassifyLifecycleStagesArgs {
  /** Thresholds; omitted ones use the defaults. */
  input?: ClassifyLifecycleStagesInput | null;
}

/** Arguments of `Mutation.runRetentionSweep`. */
export interface MutationRunRetentionSweepArgs {
  /** Why (optional). */
  input?: RunRetentionSweepInput | null;
}

/** Arguments of `Mutation.startBackup`. */
export interface MutationStartBackupArgs {
  /** Why (optional). */
  input?: StartBackupInput | null;
}

/** Arguments of `Mutation.startBackupDrill`. */
export interface MutationStartBackupDrillArgs {
  /** The backup. */
  input: StartBackupDrillInput;
}

/** Arguments of `Mutation.createExport`. */
export interface MutationCreateExportArgs {
  /** What to export. */
  input: CreateExportInput;
}

/** Arguments of `Mutation.reindexArchive`. */
export interface MutationReindexArchiveArgs {
  /** Why. */
  input: ReindexArchiveInput;
}

/** Arguments of `Mutation.mergeCustomers`. */
export interface MutationMergeCustomersArgs {
  /** Survivor, merged customers, picks and versions. */
  input: MergeCustomersInput;
}

/** Arguments of `Mutation.unmergeCustomers`. */
export interface MutationUnmergeCustomersArgs {
  /** The merge and why. */
  input: UnmergeCustomersInput;
}

/** Arguments of `Mutation.dismissDuplicate`. */
export interface MutationDismissDuplicateArgs {
  /** The group and why. */
  input: DismissDuplicateInput;
}

/** Arguments of `Mutation.detectDuplicates`. */
export interface MutationDetectDuplicatesArgs {
  /** Options; omitted ones use the configuration. */
  input?: DetectDuplicatesInput | null;
}

/** Arguments of `Mutation.resolveDataQualityIssues`. */
export interface MutationResolveDataQualityIssuesArgs {
  /** The issues and what to do. */
  input: ResolveDataQualityIssuesInput;
}

/** Arguments of `Mutation.resolveAllDataQualityIssues`. */
export interface MutationResolveAllDataQualityIssuesArgs {
  /** The filter and what to do. */
  input: ResolveAllDataQualityIssuesInput;
}

/** Arguments of `Mutation.countDataQuality`. */
export interface MutationCountDataQualityArgs {
  /** Options. */
  input?: CountDataQualityInput | null;
}

/** Arguments of `Mutation.normalizeCustomers`. */
export interface MutationNormalizeCustomersArgs {
  /** Which customers, and whether to preview. */
  input: NormalizeCustomersInput;
}

/** Arguments of `Mutation.saveSegment`. */
export interface MutationSaveSegmentArgs {
  /** The segment. */
  input: SaveSegmentInput;
}

/** Arguments of `Mutation.deleteSegment`. */
export interface MutationDeleteSegmentArgs {
  /** The segment and the version read. */
  input: DeleteSegmentInput;
}

/** Arguments of `Mutation.setCustomerTags`. */
export interface MutationSetCustomerTagsArgs {
  /** The customer and its tags. */
  input: SetCustomerTagsInput;
}

/** Arguments of `Mutation.bulkTagCustomers`. */
export interface MutationBulkTagCustomersArgs {
  /** Filter and tag changes. */
  input: BulkTagCustomersInput;
}

/** Arguments of `Mutation.saveTag`. */
export interface MutationSaveTagArgs {
  /** The tag and its changes. */
  input: SaveTagInput;
}

/** Arguments of `Mutation.deleteTag`. */
export interface MutationDeleteTagArgs {
  /** The tag. */
  input: DeleteTagInput;
}

/** Arguments of `Mutation.startKeyRotation`. */
export interface MutationStartKeyRotationArgs {
  /** Options. */
  input?: StartKeyRotationInput | null;
}

/** Arguments of `Mutation.undoOperation`. */
export interface MutationUndoOperationArgs {
  /** The operation. */
  input: UndoOperationInput;
}

/** Arguments of `Mutation.revertCustomer`. */
export interface MutationRevertCustomerArgs {
  /** The customer, the version read, the entry and why. */
  input: RevertCustomerInput;
}

/** Arguments of `Mutation.purgeCustomer`. */
export interface MutationPurgeCustomerArgs {
  /** The customer, why, and the code to confirm. */
  input: PurgeCustomerInput;
}

/** Arguments of `Mutation.cancelScheduledPurge`. */
export interface MutationCancelScheduledPurgeArgs {
  /** The scheduled purge and why. */
  input: CancelScheduledPurgeInput;
}

/** Arguments of `Mutation.requestApproval`. */
export interface MutationRequestApprovalArgs {
  /** The operation, why, and what it applies to. */
  input: RequestApprovalInput;
}

/** Arguments of `Mutation.approveRequest`. */
export interface MutationApproveRequestArgs {
  /** The request and an optional note. */
  input: DecideApprovalInput;
}

/** Arguments of `Mutation.rejectRequest`. */
export interface MutationRejectRequestArgs {
  /** The request and an optional note. */
  input: DecideApprovalInput;
}

/** Arguments of `Mutation.cancelApprovalRequest`. */
export interface MutationCancelApprovalRequestArgs {
  /** The request and an optional note. */
  input: DecideApprovalInput;
}

/** Arguments of `Mutation.createSubjectRequest`. */
export interface MutationCreateSubjectRequestArgs {
  /** The request as received. */
  input: CreateSubjectRequestInput;
}

/** Arguments of `Mutation.rejectSubjectRequest`. */
export interface MutationRejectSubjectRequestArgs {
  /** The request and why. */
  input: RejectSubjectRequestInput;
}

/** Arguments of `Mutation.completeSubjectRequest`. */
export interface MutationCompleteSubjectRequestArgs {
  /** The request and a note. */
  input: CompleteSubjectRequestInput;
}

/** Arguments of `Mutation.runSubjectAccessExport`. */
export interface MutationRunSubjectAccessExportArgs {
  /** The request. */
  input: SubjectRequestIdInput;
}

/** Arguments of `Mutation.subjectAccessExportLink`. */
export interface MutationSubjectAccessExportLinkArgs {
  /** The request and the file. */
  input: SubjectAccessExportLinkInput;
}

/** Arguments of `Mutation.eraseSubjectData`. */
export interface MutationEraseSubjectDataArgs {
  /** The request, the customers and their count. */
  input: EraseSubjectDataInput;
}

/** Arguments of `Mutation.correctSubjectData`. */
export interface MutationCorrectSubjectDataArgs {
  /** The request and the customer edit. */
  input: CorrectSubjectDataInput;
}

/** An object with a global id (Relay Global Object Identification): read it again anywhere with `node(id)` or `nodes(ids)`, under the same rules as its own query. */
export interface Node {
  /** Global id: opaque, unique across all types (base64url of `<Type>:<database id>`). Inputs also take the raw database id during schema 0.2 (see docs/api-clients/global-ids.md). */
  id: Scalars['ID'];
}

/** One value normalization would rewrite, before → after, under your field permissions. */
export interface NormalizationChange {
  __typename?: 'NormalizationChange';
  /** The customer. */
  customer: Customer;
  /** The field. */
  field: CleanupField;
  /** The value now (masked or null when your role may not read it in full). */
  before: Scalars['String'] | null;
  /** The value after normalization (masked or null like `before`). */
  after: Scalars['String'] | null;
  /** True when your role may not read this field: both values are withheld. */
  hidden: Scalars['Boolean'];
}

/** Which customers to normalize, and whether only to preview. */
export interface NormalizeCustomersInput {
  /** Which customers (default: all ACTIVE). Only ACTIVE and VOID customers are normalized. */
  filter?: CustomerFilter | null;
  /** true (default): list the changes and write nothing; false: apply them in a background job. */
  dryRun?: Scalars['Boolean'];
  /** How many changes a dry run lists (default 100, at most 1000); the counts cover all of them. */
  first?: Scalars['Int'] | null;
}

/** Result of normalizeCustomers. */
export interface NormalizeCustomersPayload {
  __typename?: 'NormalizeCustomersPayload';
  /** Whether this was a preview (nothing written). */
  dryRun: Scalars['Boolean'];
  /** Customers examined (dry run only). */
  scanned: Scalars['Int'] | null;
  /** Customers with at least one change (dry run only). */
  changedCustomers: Scalars['Int'] | null;
  /** Values that would change (dry run only). */
  changeCount: Scalars['Int'] | null;
  /** The first changes, in customer id order (dry run only; empty otherwise). */
  changes: Array<NormalizationChange>;
  /** The job applying the changes (not a dry run). */
  job: Job | null;
  /** Not a dry run: the run its author may undo once the job has finished, for a while after its last batch (undoOperation). */
  undo: UndoableOperation | null;
}

/** Relay page information. */
export interface PageInfo {
  __typename?: 'PageInfo';
  /** Whether more items follow the last one of this page. */
  hasNextPage: Scalars['Boolean'];
  /** Whether items precede the first one of this page. */
  hasPreviousPage: Scalars['Boolean'];
  /** Cursor of the first item of this page. */
  startCursor: Scalars['String'] | null;
  /** Cursor of the last item of this page. */
  endCursor: Scalars['String'] | null;
}

/** The version of one party you read. */
export interface PartyVersionInput {
  /** The customer. (Customer global id.) */
  id: Scalars['ID'];
  /** Its version as you read it; a stale one fails with CONFLICT. */
  version: Scalars['Int'];
}

/** An existing ACTIVE customer that matches the values written. Roles limited to their own customers (SALES) learn only that one exists and why when it is not theirs: `customer` is null and `visible` false. */
export interface PossibleDuplicate {
  __typename?: 'PossibleDuplicate';
  /** The matching customer; null when you may not see it. */
  customer: Customer | null;
  /** Whether you may see the matching customer (false: it belongs to someone else). */
  visible: Scalars['Boolean'];
  /** How likely it is the same customer (0–1): independent reasons add up, as in duplicate detection. */
  score: Scalars['Float'];
  /** Why, strongest first: only kinds of evidence on fields your role reads in full. */
  reasons: Array<DuplicateMatchReason>;
}

/** What to preview: a saved policy (`id`), or an unsaved rule (`criteria` and `action`). */
export interface PreviewArchivePolicyInput {
  /** A saved policy. (ArchivePolicy global id.) */
  id?: Scalars['ID'] | null;
  /** An unsaved rule’s criteria. */
  criteria?: ArchivePolicyCriteriaInput | null;
  /** An unsaved rule’s action (default ARCHIVE_CUSTOMERS). */
  action?: ArchivePolicyAction | null;
  /** An unsaved ARCHIVE_INTERACTIONS rule’s interaction age in days. */
  interactionsOlderThanDays?: Scalars['Int'] | null;
}

/** Irreversibly deletes one VOID or ARCHIVED customer with its whole history. */
export interface PurgeCustomerInput {
  /** The customer (live and VOID, or archived). (ArchivedCustomer or Customer global id.) */
  id: Scalars['ID'];
  /** Why it must go (kept in the audit log's tombstone). */
  reason: Scalars['String'];
  /** The customer's code, typed again to confirm. */
  confirm: Scalars['String'];
}

/** Result of purgeCustomer. */
export interface PurgeCustomerPayload {
  __typename?: 'PurgeCustomerPayload';
  /** The purge, waiting in the recycle bin until its `dueAt`; cancel it there with cancelScheduledPurge. */
  scheduledPurge: ScheduledPurge;
}

/** Reads: customers, interaction history, staff and the audit log. */
export interface Query {
  __typename?: 'Query';
  /** One archived customer; null when it does not exist or is not visible. */
  archivedCustomer: ArchivedCustomer | null;
  /** Archived customers, most recently archived first by default. */
  archivedCustomers: ArchivedCustomerConnection;
  /** Re-computes every archived checksum and lists mismatches and codes held both live and archived (ADMIN and AUDITOR). */
  verifyArchive: ArchiveVerification;
  /** The audit log, newest first (ADMIN and AUDITOR). */
  auditEvents: AuditEventConnection;
  /** Re-computes every hash and link of the audit log and names the first broken entry. */
  verifyAuditChain: AuditChainVerification;
  /** One customer by id; null when it does not exist or is not visible. */
  customer: Customer | null;
  /** Customers matching a filter (ACTIVE only unless `status` says otherwise). */
  customers: CustomerConnection;
  /** The customers a create or update with these values would report, before saving (nothing is refused here). */
  customerDuplicates: Array<PossibleDuplicate>;
  /** What a match of each kind does to a create, update or import. */
  duplicateRules: Array<DuplicateRule>;
  /** A customer import you started (any import for roles that see every customer). */
  customerImport: CustomerImport | null;
  /** The upload limits and the saved mapping templates, for an import wizard. */
  customerImportSetup: CustomerImportSetup;
  /** The signed-in user, with the permissions the dashboard may show. */
  me: User;
  /** All staff users with their emails and roles (ADMIN only; others read their own `me`). */
  users: Array<User>;
  /** Every staff member by id and display name, sorted by name: for owner pickers, filters and labels (ADMIN, MANAGER, SALES, SUPPORT, AUDITOR and REPORTING; emails and roles are in `users`, ADMIN). */
  staff: Array<StaffName>;
  /** Interactions across customers, newest first by default. */
  interactions: InteractionConnection;
  /** One archive policy by id; null when there is none. */
  archivePolicy: ArchivePolicy | null;
  /** Archive policies by name. */
  archivePolicies: ArchivePolicyConnection;
  /** Dry run: how many customers and interactions a policy (saved or not) would archive now, with a sample. Moves nothing. */
  previewArchivePolicy: ArchivePolicyPreview;
  /** One background job by id; null when there is none. */
  job: Job | null;
  /** Background jobs, newest first. */
  jobs: JobConnection;
  /** Dry run of the retention sweep: archived customers past retention and not held, with a sample. Removes nothing. */
  previewRetentionSweep: RetentionPreview;
  /** Customer counts grouped by up to four dimensions, largest groups first (at most 5,000 groups). Without `filter.status`, only ACTIVE customers count. */
  customerStats: Array<CustomerStat>;
  /** Archive, restore, void, unvoid, purge, merge and unmerge counts per time bucket. */
  lifecycleActivity: Array<LifecycleActivity>;
  /** Size and age of the archive, under the caller’s row rules. */
  archiveStats: ArchiveStats;
  /** Duplicate groups waiting for review and open data-quality issues, under the caller’s row and field rules. */
  cleanupStats: CleanupStats;
  /** Finished backups, newest first, with their latest restore drill (ADMIN). */
  backups: Array<Backup>;
  /** How backups are scheduled and how many are kept (ADMIN). */
  backupSettings: BackupSettings;
  /** Finds archived customers, with facets (counted only when the query asks for them). Matches only fields the caller may read in full; SALES sees only its own. SEARCH_UNAVAILABLE when the search engine does not answer. */
  searchArchive: ArchiveSearchResult;
  /** Finds customers wherever they are stored: live, archived or both. */
  search: CustomerSearchResult;
  /** How far the archive search index is behind (ADMIN). */
  searchIndexStatus: SearchIndexStatus;
  /** Compares the archive with its search index: counts and digests (ADMIN). */
  searchConsistency: SearchConsistency;
  /** Merges, newest first (ADMIN and MANAGER). */
  merges: CustomerMergeConnection;
  /** Candidate duplicate groups from the latest detection run, most likely first (ADMIN and MANAGER). */
  duplicateCandidates: DuplicateGroupConnection;
  /** Data-quality problems of the customers you may edit, by customer id, with suggested fixes. */
  dataQualityIssues: DataQualityIssueConnection;
  /** Saved segments, by name. */
  segments: Array<Segment>;
  /** One saved segment. */
  segment: Segment | null;
  /** Every tag in use or configured, with counts over the ACTIVE customers you may see, most used first. */
  tags: Array<Tag>;
  /** Every step of a customer's life, live or archived, oldest first: who, when, why and which fields changed (old → new). Null when the customer does not exist or is not visible; values are guarded as in the record. */
  customerHistory: Array<CustomerHistoryEntry> | null;
  /** A live customer as it was at a point in time (fields as kept then; relations such as interactions are current). Null when the customer is not live and visible now, or had no kept state at that time. */
  customerAsOf: Customer | null;
  /** An archived customer as it was at a point in time (customer fields as kept then; archive fields describe its current archiving). */
  archivedCustomerAsOf: ArchivedCustomer | null;
  /** The recycle bin: purges waiting for their date, cancelled or carried out (ADMIN). */
  scheduledPurges: ScheduledPurgeList;
  /** Four-eyes requests, newest first, with counts per state (ADMIN, MANAGER and AUDITOR). */
  approvalRequests: ApprovalRequestList;
  /** Data-subject requests, the next due first (ADMIN, MANAGER and AUDITOR). */
  subjectRequests: SubjectRequestConnection;
  /** One data-subject request; null when there is none. */
  subjectRequest: SubjectRequest | null;
  /** Customer records (live and archived) the request's identifiers match now; empty once it is closed (ADMIN and MANAGER). */
  subjectMatches: Array<SubjectMatch>;
  /** Any object by its global id (Relay), under the same rules as its own query: null when it does not exist or is not visible to the caller. */
  node: Node | null;
  /** Many objects by global id, in the order asked (null where `node` would give null); at most 100 ids (BAD_USER_INPUT, reason TOO_MANY_IDS). */
  nodes: Array<Node | null>;
}

/** Arguments of `Query.archivedCustomer`. */
export interface QueryArchivedCustomerArgs {
  /** Customer id. (ArchivedCustomer or Customer global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.archivedCustomers`. */
export interface QueryArchivedCustomersArgs {
  /** Sort keys, most significant first. */
  orderBy?: Array<ArchivedCustomerOrder> | null;
  /** Which archived customers. */
  filter?: ArchivedCustomerFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.auditEvents`. */
export interface QueryAuditEventsArgs {
  /** Which events. */
  filter?: AuditEventFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.customer`. */
export interface QueryCustomerArgs {
  /** Customer id. (Customer global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.customers`. */
export interface QueryCustomersArgs {
  /** Sort keys, most significant first (default: newest first). */
  orderBy?: Array<CustomerOrder> | null;
  /** Which customers. */
  filter?: CustomerFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.customerDuplicates`. */
export interface QueryCustomerDuplicatesArgs {
  /** The values to check. */
  input: CustomerDuplicateCheckInput;
}

/** Arguments of `Query.customerImport`. */
export interface QueryCustomerImportArgs {
  /** The import. (CustomerImport global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.interactions`. */
export interface QueryInteractionsArgs {
  /** Sort keys (default: occurredAt descending). */
  orderBy?: Array<InteractionOrder> | null;
  /** Which interactions. */
  filter?: InteractionFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.archivePolicy`. */
export interface QueryArchivePolicyArgs {
  /** Policy id. (ArchivePolicy global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.archivePolicies`. */
export interface QueryArchivePoliciesArgs {
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.previewArchivePolicy`. */
export interface QueryPreviewArchivePolicyArgs {
  /** A saved policy or an unsaved rule. */
  input: PreviewArchivePolicyInput;
}

/** Arguments of `Query.job`. */
export interface QueryJobArgs {
  /** Job id. (Job global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.jobs`. */
export interface QueryJobsArgs {
  /** Which jobs. */
  filter?: JobFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.customerStats`. */
export interface QueryCustomerStatsArgs {
  /** Which customers to count (the customers list filter). */
  filter?: CustomerFilter | null;
  /** Dimensions to group by, most significant first. */
  groupBy: Array<CustomerDimension>;
}

/** Arguments of `Query.lifecycleActivity`. */
export interface QueryLifecycleActivityArgs {
  /** IANA time zone whose calendar days, weeks and months the buckets follow, e.g. Asia/Shanghai. */
  timeZone?: Scalars['String'];
  /** Bucket width. */
  bucket?: TimeBucket;
  /** End of the range (exclusive). */
  to: Scalars['DateTime'];
  /** Start of the range (inclusive). */
  from: Scalars['DateTime'];
}

/** Arguments of `Query.searchArchive`. */
export interface QuerySearchArchiveArgs {
  /** endCursor of the previous page. */
  after?: Scalars['String'] | null;
  /** Hits per page (default 20, at most 100; 0 for totals and facets only). */
  first?: Scalars['Int'] | null;
  /** Which archived customers. */
  filter?: ArchiveSearchFilter | null;
  /** What to look for: a name (Chinese or English, typos tolerated), a code, or a phone or email fragment. */
  query: Scalars['String'];
}

/** Arguments of `Query.search`. */
export interface QuerySearchArgs {
  /** endCursor of the previous page. */
  after?: Scalars['String'] | null;
  /** Hits per page (default 20, at most 100; 0 for totals and facets only). */
  first?: Scalars['Int'] | null;
  /** Criteria both stores share. */
  filter?: CustomerSearchFilter | null;
  /** Which stores to search. */
  scope?: SearchScope;
  /** What to look for: a name (Chinese or English, typos tolerated), a code, or a phone or email fragment. */
  query: Scalars['String'];
}

/** Arguments of `Query.merges`. */
export interface QueryMergesArgs {
  /** Which merges. */
  filter?: MergeFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.duplicateCandidates`. */
export interface QueryDuplicateCandidatesArgs {
  /** Which groups. */
  filter?: DuplicateFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.dataQualityIssues`. */
export interface QueryDataQualityIssuesArgs {
  /** Which issues. */
  filter?: DataQualityFilter | null;
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
}

/** Arguments of `Query.segment`. */
export interface QuerySegmentArgs {
  /** Segment id. (Segment global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.customerHistory`. */
export interface QueryCustomerHistoryArgs {
  /** Customer id. (Customer or ArchivedCustomer global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.customerAsOf`. */
export interface QueryCustomerAsOfArgs {
  /** The point in time. */
  at: Scalars['DateTime'];
  /** Customer id. (Customer or ArchivedCustomer global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.archivedCustomerAsOf`. */
export interface QueryArchivedCustomerAsOfArgs {
  /** The point in time. */
  at: Scalars['DateTime'];
  /** Customer id. (ArchivedCustomer or Customer global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.scheduledPurges`. */
export interface QueryScheduledPurgesArgs {
  /** At most this many (1–200). */
  first?: Scalars['Int'];
  /** Which purges to list. */
  state?: ScheduledPurgeState;
}

/** Arguments of `Query.approvalRequests`. */
export interface QueryApprovalRequestsArgs {
  /** At most this many (1–200). */
  first?: Scalars['Int'];
  /** Only requests in this state (default: all). */
  state?: ApprovalState | null;
}

/** Arguments of `Query.subjectRequests`. */
export interface QuerySubjectRequestsArgs {
  /** Number of items after `after` (default 20). */
  first?: Scalars['Int'] | null;
  /** Cursor to continue after. */
  after?: Scalars['String'] | null;
  /** Number of items before `before`. */
  last?: Scalars['Int'] | null;
  /** Cursor to continue before. */
  before?: Scalars['String'] | null;
  /** Items to skip after the cursor (or from the start); for page jumps in tables. */
  offset?: Scalars['Int'] | null;
  /** Which requests. */
  filter?: SubjectRequestFilter | null;
}

/** Arguments of `Query.subjectRequest`. */
export interface QuerySubjectRequestArgs {
  /** Request id. (SubjectRequest global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.subjectMatches`. */
export interface QuerySubjectMatchesArgs {
  /** Request id. (SubjectRequest global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Query.node`. */
export interface QueryNodeArgs {
  /** A global id, as some object's `id` gave it. */
  id: Scalars['ID'];
}

/** Arguments of `Query.nodes`. */
export interface QueryNodesArgs {
  /** Global ids. */
  ids: Array<Scalars['ID']>;
}

/** A refresh token from login or an earlier refresh. */
export interface RefreshTokenInput {
  /** The refresh token; each can be used once. */
  refreshToken: Scalars['String'];
}

/** Result of refreshToken: a new session replacing the old one. */
export interface RefreshTokenPayload {
  __typename?: 'RefreshTokenPayload';
  /** Access token: send as `Authorization: Bearer <token>`. */
  token: Scalars['String'];
  /** When the access token expires; refresh before then. */
  expiresAt: Scalars['DateTime'];
  /** Single-use token for refreshToken, valid for days. */
  refreshToken: Scalars['String'];
  /** The signed-in user. */
  user: User;
}

/** Rebuilds the archive search index from the archive tables. */
export interface ReindexArchiveInput {
  /** Why (recorded with the job in the audit log). */
  reason: Scalars['String'];
}

/** Result of reindexArchive. */
export interface ReindexArchivePayload {
  __typename?: 'ReindexArchivePayload';
  /** The queued rebuild; follow its progress with job(id). */
  job: Job;
}

/** Refuses a data-subject request. */
export interface RejectSubjectRequestInput {
  /** The request. (SubjectRequest global id.) */
  id: Scalars['ID'];
  /** Why it is refused (told to the person; not personal data). */
  reason: Scalars['String'];
}

/** Asks a second person to approve an operation. Which fields it takes depends on the operation. */
export interface RequestApprovalInput {
  /** The operation. */
  operation: ApprovalOperation;
  /** Why it must run (the audit events of the run carry it). */
  reason: Scalars['String'];
  /** The customers (PURGE_NOW and ERASE_PERSONAL_DATA: exactly one). (Customer or ArchivedCustomer global id.) */
  customerIds?: Array<Scalars['ID']> | null;
  /** PURGE_NOW and ERASE_PERSONAL_DATA: the customer’s code, typed again to confirm. */
  confirm?: Scalars['String'] | null;
  /** ENABLE_ARCHIVE_POLICY: the policy. (ArchivePolicy global id.) */
  policyId?: Scalars['ID'] | null;
  /** ARCHIVE_CUSTOMERS: keep at least until then (default: the configured retention). */
  retainUntil?: Scalars['DateTime'] | null;
}

/** A new password for a user; their existing sessions end. */
export interface ResetUserPasswordInput {
  /** The user. (User global id.) */
  id: Scalars['ID'];
  /** New password (10–200 characters). */
  password: Scalars['String'];
}

/** Result of resetUserPassword. */
export interface ResetUserPasswordPayload {
  __typename?: 'ResetUserPasswordPayload';
  /** The user after the change. */
  user: User;
}

/** Every open issue a filter selects, and what to do with them. */
export interface ResolveAllDataQualityIssuesInput {
  /** Which issues (as for dataQualityIssues; usually one problem). */
  filter?: DataQualityFilter | null;
  /** Apply the suggestions (issues without one are left), or dismiss the issues. */
  action: DataQualityAction;
  /** Why (recorded with the job in the audit log). */
  reason?: Scalars['String'] | null;
}

/** The queued job resolving every selected issue. */
export interface ResolveAllDataQualityIssuesPayload {
  __typename?: 'ResolveAllDataQualityIssuesPayload';
  /** The job; its result counts the issues resolved, the customers changed and the issues left. */
  job: Job;
}

/** Resolves data-quality issues one by one or in bulk. */
export interface ResolveDataQualityIssuesInput {
  /** The issues, at most 1000. */
  issues: Array<DataQualityIssueRef>;
  /** Apply the suggestions, or dismiss the issues. */
  action: DataQualityAction;
}

/** Result of resolveDataQualityIssues. */
export interface ResolveDataQualityIssuesPayload {
  __typename?: 'ResolveDataQualityIssuesPayload';
  /** Issues resolved. */
  resolved: Scalars['Int'];
  /** The customers changed (APPLY_SUGGESTION) or with dismissed issues. */
  customers: Array<Customer>;
  /** Issues not resolved, by customer id: NOT_FOUND, or INVALID_STATE when the issue no longer exists. */
  failures: Array<LifecycleFailure>;
}

/** Archived customers to put back, with why. */
export interface RestoreCustomersInput {
  /** Archived customers to restore, at most 1000. (ArchivedCustomer or Customer global id.) */
  ids: Array<Scalars['ID']>;
  /** Why they are restored. */
  reason: Scalars['String'];
}

/** Result of restoreCustomers. */
export interface RestoreCustomersPayload {
  __typename?: 'RestoreCustomersPayload';
  /** The customers back in the live store, with the status they had before. */
  customers: Array<Customer>;
  /** Ids that were not restored, and why. */
  failures: Array<LifecycleFailure>;
  /** Interactions restored with them. */
  restoredInteractions: Scalars['Int'];
}

/** What a retention sweep would purge right now; nothing is removed. */
export interface RetentionPreview {
  __typename?: 'RetentionPreview';
  /** The instant retention was judged against. */
  asOf: Scalars['DateTime'];
  /** Archived customers past their retainUntil and not under legal hold. */
  customerCount: Scalars['Int'];
  /** Archived interactions of those customers, purged with them. */
  interactionCount: Scalars['Int'];
  /** Archived customers past their retainUntil that a legal hold keeps. */
  heldCount: Scalars['Int'];
  /** Up to 20 of the customers it would purge (lowest ids first). */
  sample: Array<ArchivedCustomer>;
}

/** Puts back what one history entry changed: every revertible field, or the ones named. */
export interface RevertCustomerInput {
  /** The customer (live and ACTIVE). (Customer global id.) */
  id: Scalars['ID'];
  /** The version you read; a stale version fails with CONFLICT. */
  version: Scalars['Int'];
  /** The history entry (audit event sequence number) whose changes to undo. */
  seq: Scalars['String'];
  /** Only these fields (names as on Customer); all revertible fields of the entry when omitted. */
  fields?: Array<Scalars['String']> | null;
  /** Why the change is undone (kept in the audit log). */
  reason: Scalars['String'];
}

/** Result of revertCustomer. */
export interface RevertCustomerPayload {
  __typename?: 'RevertCustomerPayload';
  /** The customer after the revert. */
  customer: Customer;
  /** The fields put back. */
  revertedFields: Array<Scalars['String']>;
}

/** Whose sessions to end. */
export interface RevokeSessionsInput {
  /** The user. (User global id.) */
  userId: Scalars['ID'];
  /** Why, for the audit log (e.g. "laptop stolen"). */
  reason?: Scalars['String'] | null;
}

/** Result of revokeSessions. */
export interface RevokeSessionsPayload {
  __typename?: 'RevokeSessionsPayload';
  /** The user whose sessions ended. */
  user: User;
  /** Sessions that were live and are now ended. */
  sessionsEnded: Scalars['Int'];
}

/** What a user may do; the permission policy is keyed by role. */
export type Role =
  /** Everything, including purge, users and policies. */
  | 'ADMIN'
  /** All customers; lifecycle and cleanup actions. */
  | 'MANAGER'
  /** Own customers only. */
  | 'SALES'
  /** Reads customers with masked contact data; logs interactions. */
  | 'SUPPORT'
  /** Reads the audit log only. */
  | 'AUDITOR'
  /** Read-only reports with masked personal data. */
  | 'REPORTING';

/** The archive policy to run now. */
export interface RunArchivePolicyInput {
  /** Policy id. (ArchivePolicy global id.) */
  id: Scalars['ID'];
}

/** Result of runArchivePolicy. */
export interface RunArchivePolicyPayload {
  __typename?: 'RunArchivePolicyPayload';
  /** The queued run; follow it with `job(id)`. */
  job: Job;
}

/** Starts a retention sweep. */
export interface RunRetentionSweepInput {
  /** Why, for the audit log (default: "retention period ended"). */
  reason?: Scalars['String'] | null;
}

/** Result of runRetentionSweep. */
export interface RunRetentionSweepPayload {
  __typename?: 'RunRetentionSweepPayload';
  /** The queued sweep; follow it with `job(id)`. */
  job: Job;
}

/** Result of runSubjectAccessExport. */
export interface RunSubjectAccessExportPayload {
  __typename?: 'RunSubjectAccessExportPayload';
  /** The request. */
  subjectRequest: SubjectRequest;
  /** The job building the export. */
  job: Job;
}

/** Creates a segment (without id) or changes one (with id and version). */
export interface SaveSegmentInput {
  /** The segment to change; omit to create one. (Segment global id.) */
  id?: Scalars['ID'] | null;
  /** The version you read (required with id; a stale one fails with CONFLICT). */
  version?: Scalars['Int'] | null;
  /** Unique name. */
  name: Scalars['String'];
  /** What the segment is for. */
  description?: Scalars['String'] | null;
  /** Who belongs to it (another segment cannot be named inside). */
  filter: CustomerFilter;
}

/** Creates a tag, renames it, or sets its colour and description. */
export interface SaveTagInput {
  /** The tag (for an existing tag: its current name). */
  name: Scalars['String'];
  /** A new name: every live customer carrying the tag is re-tagged. */
  newName?: Scalars['String'] | null;
  /** Display colour as #rrggbb (lower case). */
  color?: Scalars['String'] | null;
  /** What the tag means. */
  description?: Scalars['String'] | null;
}

/** A purge in the recycle bin: scheduled with a countdown, cancelled, or carried out. */
export interface ScheduledPurge extends Node {
  __typename?: 'ScheduledPurge';
  /** Stable identifier of the scheduled purge. */
  id: Scalars['ID'];
  /** The customer to purge (live and VOID, or archived; `archivedCustomer` takes this id too). (Customer global id.) */
  customerId: Scalars['ID'];
  /** Its code when the purge was scheduled (kept after the purge, like the audit tombstone). */
  code: Scalars['String'];
  /** Why it must go (the audit tombstone keeps it). */
  reason: Scalars['String'];
  /** Where the purge is. */
  state: ScheduledPurgeState;
  /** When it was put in the recycle bin. */
  scheduledAt: Scalars['DateTime'];
  /** When the retention sweep may carry it out (PURGE_DELAY_DAYS after scheduling; now for an approved urgent purge). */
  dueAt: Scalars['DateTime'];
  /** Carried out at once through an approved four-eyes request (PURGE_NOW), not after the countdown. */
  urgent: Scalars['Boolean'];
  /** The four-eyes request that carried it out at once, if urgent. (ApprovalRequest global id.) */
  approvalRequestId: Scalars['ID'] | null;
  /** When it was cancelled. */
  cancelledAt: Scalars['DateTime'] | null;
  /** Why it was cancelled. */
  cancelReason: Scalars['String'] | null;
  /** When the customer was purged. */
  purgedAt: Scalars['DateTime'] | null;
  /** Everything the purge removed (customer, interactions, archive metadata) as JSON, under your field guards; kept for PURGE_EXPORT_KEEP_DAYS after the purge, null before it and after that. */
  export: Scalars['JSONObject'] | null;
  /** Who put it in the recycle bin (null for the system). */
  scheduledBy: User | null;
  /** Who cancelled it (null when not cancelled, or cancelled by the sweep). */
  cancelledBy: User | null;
}

/** Purges in the recycle bin, and how many there are in each state. */
export interface ScheduledPurgeList {
  __typename?: 'ScheduledPurgeList';
  /** The purges asked for, next due first (carried-out and cancelled ones: latest first); at most `first`. */
  nodes: Array<ScheduledPurge>;
  /** How many purges are waiting (SCHEDULED). */
  scheduledCount: Scalars['Int'];
  /** How many were cancelled. */
  cancelledCount: Scalars['Int'];
  /** How many were carried out. */
  purgedCount: Scalars['Int'];
}

/** Where a purge in the recycle bin is. */
export type ScheduledPurgeState =
  /** Waiting for its date; it can still be cancelled. */
  | 'SCHEDULED'
  /** Cancelled by someone (or by the sweep, when the customer was no longer purgeable); the customer was kept. */
  | 'CANCELLED'
  /** Carried out: the customer is gone, its export is kept for PURGE_EXPORT_KEEP_DAYS. */
  | 'PURGED';

/** Archive and index compared: counts and a SHA-256 digest over (id, checksum) in id order. */
export interface SearchConsistency {
  __typename?: 'SearchConsistency';
  /** True when both hold exactly the same customers in the same versions. */
  ok: Scalars['Boolean'];
  /** The engine checked. */
  engine: SearchEngine;
  /** Archived customers. */
  archiveCount: Scalars['Int'];
  /** Documents in the index. */
  indexCount: Scalars['Int'];
  /** Digest of the archive side. */
  archiveDigest: Scalars['String'];
  /** Digest of the index side. */
  indexDigest: Scalars['String'];
  /** Archived customers missing from the index (first 20). */
  missing: Array<Scalars['String']>;
  /** Indexed customers no longer archived (first 20). */
  extra: Array<Scalars['String']>;
  /** Customers indexed in an older version (first 20). */
  stale: Array<Scalars['String']>;
  /** Changes still waiting in the outbox (differences they explain will heal). */
  pending: Scalars['Int'];
}

/** The engine that answered an archive search. */
export type SearchEngine =
  /** PostgreSQL full-text and trigram search (SEARCH_ENGINE=postgres, or where no Meilisearch is available). */
  | 'POSTGRES'
  /** Meilisearch: the server at MEILI_HOST, or in development the embedded one (the default). */
  | 'MEILISEARCH';

/** Counts of matches by one field. */
export interface SearchFacet {
  __typename?: 'SearchFacet';
  /** type, tier, region, lifecycleStage, tags, archiveReason or archivedYear. */
  field: Scalars['String'];
  /** Most frequent values first (at most 50). */
  values: Array<FacetValue>;
}

/** Where a search matched: one field the caller may read in full, with the matches marked. */
export interface SearchHighlight {
  __typename?: 'SearchHighlight';
  /** The field that matched: name, code, email or phone. */
  field: Scalars['String'];
  /** The field’s value with each match wrapped in <em>…</em> (other text escaped). */
  snippet: Scalars['String'];
}

/** How far the search index is behind the archive. */
export interface SearchIndexStatus {
  __typename?: 'SearchIndexStatus';
  /** The configured engine. */
  engine: SearchEngine;
  /** Seconds since the oldest change not yet in the index was committed (0: in step). */
  lag: Scalars['Float'];
  /** Changes waiting in the outbox. */
  pending: Scalars['Int'];
  /** Of those, changes whose last apply failed (retried with backoff). */
  failing: Scalars['Int'];
  /** When the oldest pending change was written. */
  oldestPendingAt: Scalars['DateTime'] | null;
  /** Documents in the index. */
  indexedCount: Scalars['Int'];
}

/** Which stores a search covers. */
export type SearchScope =
  /** Live customers only (ACTIVE and VOID; merged records are left out). */
  | 'LIVE'
  /** Archived customers only. */
  | 'ARCHIVED'
  /** Live and archived customers together, best matches first. */
  | 'ALL';

/** A saved, named customer filter: use it as `filter: { segmentId }` in customer lists, bulk tagging, normalization and data-quality lists. */
export interface Segment extends Node {
  __typename?: 'Segment';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** Unique name (case-insensitive). */
  name: Scalars['String'];
  /** What the segment is for; null when empty, or when the segment uses criteria your role may not see (see hiddenCriteria): a description may restate them. */
  description: Scalars['String'] | null;
  /** The stored filter, as a CustomerFilter input, without the criteria your role may not see (listed in hiddenCriteria). Using the segment still applies them, within what your role may search and the rows it may read. */
  filter: Scalars['JSONObject'];
  /** Criteria of the filter left out for your role (`search`, `ids`, `taxId`): their values are data of particular customers, shown only to roles that read those fields in full on every row. */
  hiddenCriteria: Array<Scalars['String']>;
  /** When it was created. */
  createdAt: Scalars['DateTime'];
  /** When it was last changed. */
  updatedAt: Scalars['DateTime'];
  /** Optimistic-locking version; send it back with changes. */
  version: Scalars['Int'];
  /** ACTIVE (or, per its filter, other) customers matching it now that you may see. */
  customerCount: Scalars['Int'];
  /** Who created it. */
  createdBy: User | null;
}

/** Result of saveSegment or deleteSegment. */
export interface SegmentPayload {
  __typename?: 'SegmentPayload';
  /** The segment (for deleteSegment: as it was). */
  segment: Segment;
}

/** Replaces the tags of one customer. */
export interface SetCustomerTagsInput {
  /** The customer. (Customer global id.) */
  id: Scalars['ID'];
  /** The version you read; when given, a stale version fails with CONFLICT. */
  version?: Scalars['Int'] | null;
  /** The tags it should carry (duplicates are dropped). */
  tags: Array<Scalars['String']>;
}

/** Result of setCustomerTags. */
export interface SetCustomerTagsPayload {
  __typename?: 'SetCustomerTagsPayload';
  /** The customer after the change. */
  customer: Customer;
}

/** Sets what matches of one kind do. */
export interface SetDuplicateRuleInput {
  /** The kind of match. */
  kind: DuplicateMatchKind;
  /** Warn, block, or not check. */
  action: DuplicateRuleAction;
}

/** Result of setDuplicateRule. */
export interface SetDuplicateRulePayload {
  __typename?: 'SetDuplicateRulePayload';
  /** The rule as it is now. */
  rule: DuplicateRule;
}

/** Sets or lifts a legal hold on a live or archived customer. */
export interface SetLegalHoldInput {
  /** The customer (live or archived). (Customer or ArchivedCustomer global id.) */
  id: Scalars['ID'];
  /** true to hold, false to lift the hold. */
  hold: Scalars['Boolean'];
  /** Why (e.g. the case or request reference). */
  reason: Scalars['String'];
}

/** Sort direction. Empty values sort as the smallest value (first ascending, last descending). */
export type SortDirection =
  /** Ascending. */
  | 'ASC'
  /** Descending. */
  | 'DESC';

/** A member of staff by name only: what pickers and labels need, readable by every signed-in role. */
export interface StaffName {
  __typename?: 'StaffName';
  /** The user’s id (as in `User.id`, `Customer.owner`, `AuditEvent.actor`). (User global id.) */
  id: Scalars['ID'];
  /** Name shown in the dashboard. */
  displayName: Scalars['String'];
}

/** Starts a restore drill of a backup. */
export interface StartBackupDrillInput {
  /** The backup to drill. (Backup global id.) */
  id: Scalars['ID'];
}

/** Result of startBackupDrill. */
export interface StartBackupDrillPayload {
  __typename?: 'StartBackupDrillPayload';
  /** The queued drill job. */
  job: Job;
}

/** Starts a backup. */
export interface StartBackupInput {
  /** Why (e.g. "before the yearly purge"). */
  reason?: Scalars['String'] | null;
}

/** Result of startBackup. */
export interface StartBackupPayload {
  __typename?: 'StartBackupPayload';
  /** The queued backup job. */
  job: Job;
}

/** Options of startKeyRotation. */
export interface StartKeyRotationInput {
  /** Why (kept in the audit log). */
  reason?: Scalars['String'] | null;
}

/** Result of startKeyRotation. */
export interface StartKeyRotationPayload {
  __typename?: 'StartKeyRotationPayload';
  /** The queued ROTATE_ENCRYPTION_KEYS job. */
  job: Job;
}

/** A finished subject access export, ready to download. */
export interface SubjectAccessExport {
  __typename?: 'SubjectAccessExport';
  /** When it was built. */
  createdAt: Scalars['DateTime'];
  /** When it is deleted if not downloaded and closed before. */
  expiresAt: Scalars['DateTime'];
  /** Customer records in it. */
  customers: Scalars['Int'];
  /** Interactions in it. */
  interactions: Scalars['Int'];
  /** Kept versions of the records in it. */
  history: Scalars['Int'];
  /** Merges in it. */
  merges: Scalars['Int'];
  /** Reads of the records by staff in it. */
  accessLog: Scalars['Int'];
}

/** A single-use download link to a subject access export. */
export interface SubjectAccessExportLink {
  __typename?: 'SubjectAccessExportLink';
  /** Path to GET once, before it expires; the link itself is the permission (like export links). */
  url: Scalars['String'];
  /** The file it downloads. */
  format: SubjectExportFormat;
  /** When the link stops working. */
  expiresAt: Scalars['DateTime'];
}

/** Asks for a download link to one file of a subject access export. */
export interface SubjectAccessExportLinkInput {
  /** The request. (SubjectRequest global id.) */
  id: Scalars['ID'];
  /** The bundle (JSON) or the readable summary (HTML). */
  format: SubjectExportFormat;
}

/** Which file of a subject access export to download. */
export type SubjectExportFormat =
  /** The complete bundle, machine-readable. */
  | 'JSON'
  /** A readable summary in the subject’s language. */
  | 'HTML';

/** The language the subject is answered in (the export’s summary). */
export type SubjectLanguage =
  /** English. */
  | 'EN'
  /** Simplified Chinese. */
  | 'ZH_CN';

/** A customer record (live or archived) the request’s identifiers match. */
export interface SubjectMatch {
  __typename?: 'SubjectMatch';
  /** The customer. (Customer global id.) */
  customerId: Scalars['ID'];
  /** Its code. */
  code: Scalars['String'];
  /** Its name. */
  name: Scalars['String'];
  /** Its status (ARCHIVED when in the archive). */
  status: Scalars['String'];
  /** Whether it is in the archive. */
  archived: Scalars['Boolean'];
  /** Why it is taken to be about the subject. */
  matchedBy: Array<SubjectMatchReason>;
}

/** Why a customer record is taken to be about the subject. */
export type SubjectMatchReason =
  /** Same email address (normalized as duplicate detection does). */
  | 'EMAIL'
  /** Same phone number (digits, without prefixes). */
  | 'PHONE'
  /** Same tax id (compared through its blind index). */
  | 'TAX_ID'
  /** Same name; corroborates only, never a match on its own. */
  | 'NAME'
  /** Merged with a matching record. */
  | 'MERGE';

/** A data-subject request (PIPL/GDPR) in the register. Its identifiers follow the policy’s SubjectRequest rules. */
export interface SubjectRequest extends Node {
  __typename?: 'SubjectRequest';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** What the person asks for. */
  kind: SubjectRequestKind;
  /** The law it is made under. */
  regime: SubjectRequestRegime;
  /** Where it is. */
  status: SubjectRequestStatus;
  /** The day it was received (`YYYY-MM-DD`). */
  receivedOn: Scalars['String'];
  /** The day the answer is due (`YYYY-MM-DD`), computed from the regime. */
  dueOn: Scalars['String'];
  /** Still open after its due date. */
  overdue: Scalars['Boolean'];
  /** The language the person is answered in. */
  language: SubjectLanguage;
  /** The reference it was recorded under. */
  reference: Scalars['String'] | null;
  /** Why it was refused, or what was sent, once closed. */
  outcome: Scalars['String'] | null;
  /** When it was recorded. */
  createdAt: Scalars['DateTime'];
  /** When it was fulfilled or rejected. */
  closedAt: Scalars['DateTime'] | null;
  /** The person’s name as given (guarded; masked once closed). */
  subjectName: Scalars['String'] | null;
  /** Their email address (guarded; masked once closed). */
  email: Scalars['String'] | null;
  /** Their phone number (guarded; masked once closed). */
  phone: Scalars['String'] | null;
  /** Their tax or identity number (guarded; masked once closed). */
  taxId: Scalars['String'] | null;
  /** What was done for it, in order. */
  steps: Array<SubjectRequestStep>;
  /** The finished access export waiting for download, if any. */
  accessExport: SubjectAccessExport | null;
}

/** A page of SubjectRequest items. */
export interface SubjectRequestConnection {
  __typename?: 'SubjectRequestConnection';
  /** Items with their cursors. */
  edges: Array<SubjectRequestEdge>;
  /** Items without cursors. */
  nodes: Array<SubjectRequest>;
  /** Paging state. */
  pageInfo: PageInfo;
  /** Number of items matching the filter, regardless of paging. */
  totalCount: Scalars['Int'];
}

/** An edge in a SubjectRequest connection. */
export interface SubjectRequestEdge {
  __typename?: 'SubjectRequestEdge';
  /** Opaque cursor of this item. */
  cursor: Scalars['String'];
  /** The item. */
  node: SubjectRequest;
}

/** Which data-subject requests to list. */
export interface SubjectRequestFilter {
  /** Only requests in these states. */
  status?: Array<SubjectRequestStatus> | null;
  /** true: only open requests past their due date. */
  overdue?: Scalars['Boolean'] | null;
}

/** A data-subject request to act on. */
export interface SubjectRequestIdInput {
  /** The request. (SubjectRequest global id.) */
  id: Scalars['ID'];
}

/** What the person asks for. */
export type SubjectRequestKind =
  /** A copy of everything held about them (GDPR Art. 15, PIPL Art. 45). */
  | 'ACCESS'
  /** Correction of inaccurate data (GDPR Art. 16, PIPL Art. 46). */
  | 'CORRECTION'
  /** Erasure of their personal data (GDPR Art. 17, PIPL Art. 47). */
  | 'ERASURE';

/** Result of a change to a data-subject request. */
export interface SubjectRequestPayload {
  __typename?: 'SubjectRequestPayload';
  /** The request as it is now. */
  subjectRequest: SubjectRequest;
}

/** The law the request is made under; it sets the due date. */
export type SubjectRequestRegime =
  /** EU General Data Protection Regulation: one month from receipt. */
  | 'GDPR'
  /** China’s Personal Information Protection Law: 15 working days from receipt. */
  | 'PIPL';

/** Where a data-subject request is. */
export type SubjectRequestStatus =
  /** Recorded; nothing done yet. */
  | 'OPEN'
  /** An export was built or a correction or erasure made. */
  | 'IN_PROGRESS'
  /** Answered; the identifiers are kept only masked. */
  | 'FULFILLED'
  /** Refused, with the reason; the identifiers are kept only masked. */
  | 'REJECTED';

/** One thing done for a data-subject request; its audit events carry the request’s id. */
export interface SubjectRequestStep {
  __typename?: 'SubjectRequestStep';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** When. */
  at: Scalars['DateTime'];
  /** What was done. */
  action: SubjectRequestStepAction;
  /** The customer it was done to, if any. (Customer global id.) */
  customerId: Scalars['ID'] | null;
  /** That customer’s code (kept after a purge). */
  customerCode: Scalars['String'] | null;
  /** The job that did it, if any. (Job global id.) */
  jobId: Scalars['ID'] | null;
  /** The fields corrected or erased (field keys). */
  fields: Array<Scalars['String']>;
}

/** One thing done for a data-subject request. */
export type SubjectRequestStepAction =
  /** The request was recorded. */
  | 'RECEIVED'
  /** A subject access export was started. */
  | 'EXPORT_QUEUED'
  /** The export finished and can be downloaded. */
  | 'EXPORT_READY'
  /** A file of the export was downloaded. */
  | 'EXPORT_DOWNLOADED'
  /** A customer record was corrected. */
  | 'CORRECTED'
  /** A customer’s personal data was erased. */
  | 'ERASED'
  /** The request was closed as answered. */
  | 'FULFILLED'
  /** The request was refused. */
  | 'REJECTED';

/** Live updates over WebSocket (graphql-ws at /graphql), under the same token and rules as every read. */
export interface Subscription {
  __typename?: 'Subscription';
  /** The job now, then each change of its state or progress (not heartbeats) until it finishes; ADMIN and MANAGER. Over WebSocket (graphql-ws) with the same token. */
  jobUpdated: Job;
  /** Changes of the customers you may read (SALES: your own), as they are committed by any server or job; REMOVED when one leaves your view. Over WebSocket (graphql-ws) with the same token. */
  customerChanged: CustomerChange;
}

/** Arguments of `Subscription.jobUpdated`. */
export interface SubscriptionJobUpdatedArgs {
  /** Job id. (Job global id.) */
  id: Scalars['ID'];
}

/** Arguments of `Subscription.customerChanged`. */
export interface SubscriptionCustomerChangedArgs {
  /** Only this customer. (Customer global id.) */
  id?: Scalars['ID'] | null;
}

/** A classification tag and how many of the customers you may see carry it. */
export interface Tag {
  __typename?: 'Tag';
  /** The tag itself, as stored on customers. */
  name: Scalars['String'];
  /** Display colour (#rrggbb), when one was set. */
  color: Scalars['String'] | null;
  /** What the tag means. */
  description: Scalars['String'] | null;
  /** ACTIVE customers you may see that carry it. */
  count: Scalars['Int'];
}

/** Result of saveTag or deleteTag. */
export interface TagPayload {
  __typename?: 'TagPayload';
  /** The tag (after the change; for deleteTag, as it was). */
  tag: Tag;
  /** Customers whose tags changed. */
  customersChanged: Scalars['Int'];
}

/** Width of the time buckets of an activity report (in the report’s time zone; weeks start on Monday). */
export type TimeBucket =
  /** One bucket per calendar day. */
  | 'DAY'
  /** One bucket per ISO week. */
  | 'WEEK'
  /** One bucket per calendar month. */
  | 'MONTH';

/** A change its author may take back with undoOperation until `expiresAt` (UNDO_WINDOW_MINUTES), even where the reverse action is otherwise not theirs. */
export interface UndoableOperation {
  __typename?: 'UndoableOperation';
  /** Pass it to undoOperation. */
  id: Scalars['ID'];
  /** What was done. */
  kind: UndoKind;
  /** Customers it changed (so far, for a normalization job still running). */
  customerCount: Scalars['Int'];
  /** Until when it can be undone. */
  expiresAt: Scalars['DateTime'];
  /** When it was undone; null while in effect. */
  undoneAt: Scalars['DateTime'] | null;
}

/** What an undoable operation did. */
export type UndoKind =
  /** Voided customers (undo: back to the state before, void reason cleared). */
  | 'VOID'
  /** Archived customers by hand (undo: restored from the archive with their interactions). */
  | 'ARCHIVE'
  /** Added or removed tags in bulk (undo: each customer’s tags as they were). */
  | 'TAGS'
  /** Normalized stored values, as a job (undo: each changed value as it was). */
  | 'NORMALIZE';

/** Takes back one of your own recent changes. */
export interface UndoOperationInput {
  /** The operation, as the change’s payload named it (`undo.id`). */
  id: Scalars['ID'];
}

/** Result of undoOperation. */
export interface UndoOperationPayload {
  __typename?: 'UndoOperationPayload';
  /** The operation, now undone. */
  operation: UndoableOperation;
  /** The customers put back as they were before it. */
  customers: Array<Customer>;
  /** Customers left as they are, and why: CONFLICT when changed since (by anyone), NOT_FOUND when gone, INVALID_STATE when no longer where the operation left them. */
  failures: Array<LifecycleFailure>;
  /** Interactions restored with archived customers (ARCHIVE). */
  restoredInteractions: Scalars['Int'];
}

/** Whose sign-in lock to lift. */
export interface UnlockUserInput {
  /** The user. (User global id.) */
  id: Scalars['ID'];
}

/** Result of unlockUser. */
export interface UnlockUserPayload {
  __typename?: 'UnlockUserPayload';
  /** The user. */
  user: User;
  /** Whether sign-in with the user's email was locked until now. */
  wasLocked: Scalars['Boolean'];
}

/** Undoes a merge exactly. */
export interface UnmergeCustomersInput {
  /** The merge to undo. (CustomerMerge global id.) */
  mergeId: Scalars['ID'];
  /** Why the merge is undone. */
  reason: Scalars['String'];
}

/** Result of unmergeCustomers. */
export interface UnmergeCustomersPayload {
  __typename?: 'UnmergeCustomersPayload';
  /** The merge, now undone. */
  merge: CustomerMerge;
  /** Every party as restored: the survivor first, then the merged customers. */
  customers: Array<Customer>;
}

/** Puts one VOID customer back into daily work. */
export interface UnvoidCustomerInput {
  /** The customer. (Customer global id.) */
  id: Scalars['ID'];
  /** Why the void is undone. */
  note: Scalars['String'];
  /** The version you read; when given, a stale version fails with CONFLICT. */
  version?: Scalars['Int'] | null;
}

/** Puts many VOID customers back into daily work. */
export interface UnvoidCustomersInput {
  /** The customers, at most 1000. (Customer global id.) */
  ids: Array<Scalars['ID']>;
  /** Why the void is undone. */
  note: Scalars['String'];
}

/** Changes to an archive policy. Omitted fields stay as they are; null clears an optional field. */
export interface UpdateArchivePolicyInput {
  /** The policy to change. (ArchivePolicy global id.) */
  id: Scalars['ID'];
  /** The version you read; a stale version fails with CONFLICT. */
  version: Scalars['Int'];
  /** New unique name. */
  name?: Scalars['String'] | null;
  /** New description. */
  description?: Scalars['String'] | null;
  /** New action. */
  action?: ArchivePolicyAction | null;
  /** New criteria (replace the old ones whole). */
  criteria?: ArchivePolicyCriteriaInput | null;
  /** New interaction age in days (ARCHIVE_INTERACTIONS). */
  interactionsOlderThanDays?: Scalars['Int'] | null;
  /** New retention in days; null: the server default. */
  retentionDays?: Scalars['Int'] | null;
  /** New cron schedule (5 fields, UTC); null: on demand only. */
  schedule?: Scalars['String'] | null;
  /** Turn the schedule on or off. */
  enabled?: Scalars['Boolean'] | null;
}

/** Result of updateArchivePolicy. */
export interface UpdateArchivePolicyPayload {
  __typename?: 'UpdateArchivePolicyPayload';
  /** The policy after the change. */
  policy: ArchivePolicy;
}

/** Changes to a customer. Omitted fields stay as they are; null clears an optional field. */
export interface UpdateCustomerInput {
  /** Commercial value tier (default STANDARD). */
  tier?: CustomerTier | null;
  /** Industry key; one of the configured industries. */
  industry?: Scalars['String'] | null;
  /** ISO 3166-2 region code such as CN-SH. */
  region?: Scalars['String'] | null;
  /** Business lifecycle stage (default NEW). */
  lifecycleStage?: LifecycleStage | null;
  /** Owning user. (User global id.) */
  ownerId?: Scalars['ID'] | null;
  /** Contact email address. */
  email?: Scalars['String'] | null;
  /** Contact phone number (digits, spaces, +, -, parentheses). */
  phone?: Scalars['String'] | null;
  /** Postal address. */
  address?: Scalars['String'] | null;
  /** Tax identification number. */
  taxId?: Scalars['String'] | null;
  /** Classification tags (replaces all tags). */
  tags?: Array<Scalars['String']> | null;
  /** Internal notes. */
  notes?: Scalars['String'] | null;
  /** The customer to change. (Customer global id.) */
  id: Scalars['ID'];
  /** The version you read; a stale version fails with CONFLICT. */
  version: Scalars['Int'];
  /** New name. */
  name?: Scalars['String'] | null;
  /** New type. */
  type?: CustomerType | null;
  /** New unique business code. */
  code?: Scalars['String'] | null;
}

/** Result of updateCustomer. */
export interface UpdateCustomerPayload {
  __typename?: 'UpdateCustomerPayload';
  /** The customer after the change. */
  customer: Customer;
  /** Other customers the changed values match under a WARN duplicate rule (only the kinds the change touches), most likely first. */
  possibleDuplicates: Array<PossibleDuplicate>;
}

/** Changes to a staff user. Omitted fields stay as they are. */
export interface UpdateUserInput {
  /** The user to change. (User global id.) */
  id: Scalars['ID'];
  /** New display name. */
  displayName?: Scalars['String'] | null;
  /** New role; takes effect on the user's next request. */
  role?: Role | null;
  /** false disables the user: their tokens stop working at once. */
  enabled?: Scalars['Boolean'] | null;
}

/** Result of updateUser. */
export interface UpdateUserPayload {
  __typename?: 'UpdateUserPayload';
  /** The user after the change. */
  user: User;
}

/** A member of staff who owns customers and performs actions. */
export interface User extends Node {
  __typename?: 'User';
  /** Stable identifier. */
  id: Scalars['ID'];
  /** Login email address. */
  email: Scalars['String'];
  /** Name shown in the dashboard. */
  displayName: Scalars['String'];
  /** Role that decides what the user may see and do. */
  role: Role;
  /** Disabled users cannot sign in. */
  enabled: Scalars['Boolean'];
  /** When the user was created. */
  createdAt: Scalars['DateTime'];
  /** What this user's role may do and see, e.g. `customer:update`, `field:Customer.email:MASKED`. */
  permissions: Array<Scalars['String']>;
}

/** Marks one ACTIVE customer invalid, with a reason. */
export interface VoidCustomerInput {
  /** The customer. (Customer global id.) */
  id: Scalars['ID'];
  /** Why it is invalid. */
  reason: VoidReason;
  /** Free note (required when the reason is OTHER). */
  note?: Scalars['String'] | null;
  /** The version you read; when given, a stale version fails with CONFLICT. */
  version?: Scalars['Int'] | null;
}

/** Result of voidCustomer or unvoidCustomer. */
export interface VoidCustomerPayload {
  __typename?: 'VoidCustomerPayload';
  /** The customer after the change. */
  customer: Customer;
  /** For a void: the operation its author may undo for a while (undoOperation). Null for unvoid. */
  undo: UndoableOperation | null;
}

/** Marks many ACTIVE customers invalid with one reason. */
export interface VoidCustomersInput {
  /** The customers, at most 1000. (Customer global id.) */
  ids: Array<Scalars['ID']>;
  /** Why they are invalid. */
  reason: VoidReason;
  /** Free note (required when the reason is OTHER). */
  note?: Scalars['String'] | null;
}

/** Result of voidCustomers or unvoidCustomers. */
export interface VoidCustomersPayload {
  __typename?: 'VoidCustomersPayload';
  /** The customers changed. */
  customers: Array<Customer>;
  /** Ids that were not changed, and why. */
  failures: Array<LifecycleFailure>;
  /** For a void that changed customers: the operation its author may undo for a while (undoOperation). Null otherwise. */
  undo: UndoableOperation | null;
}

/** Why a customer record was voided. */
export type VoidReason =
  /** Duplicate of another record. */
  | 'DUPLICATE'
  /** The record holds invalid or fake data. */
  | 'INVALID_DATA'
  /** Created for testing. */
  | 'TEST_RECORD'
  /** The customer left the market or closed down. */
  | 'LEFT_MARKET'
  /** The customer asked for it. */
  | 'CUSTOMER_REQUEST'
  /** Another reason, explained in the note. */
  | 'OTHER';

// Registered operations (operations/*.graphql).

/** Variables of the registered query `DuplicateCandidates`. */
export interface DuplicateCandidatesQueryVariables {
  filter?: DuplicateFilter | null;
  first?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `DuplicateCandidates`. */
export interface DuplicateCandidatesQuery {
  duplicateCandidates: {
    nodes: Array<{
      id: Scalars['ID'];
      score: Scalars['Float'];
      region: Scalars['String'] | null;
      reasons: Array<{
        kind: Scalars['String'];
        score: Scalars['Float'];
        pairs: Scalars['Int'];
        description: Scalars['String'];
      }>;
      memberIds: Array<Scalars['ID']>;
      createdAt: Scalars['DateTime'];
      customers: Array<{
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
        type: CustomerType;
        tier: CustomerTier;
        industry: Scalars['String'] | null;
        region: Scalars['String'] | null;
        lifecycleStage: LifecycleStage;
        status: CustomerStatus;
        email: Scalars['String'] | null;
        phone: Scalars['String'] | null;
        address: Scalars['String'] | null;
        taxId: Scalars['String'] | null;
        notes: Scalars['String'] | null;
        tags: Array<Scalars['String']>;
        version: Scalars['Int'];
        interactionCount: Scalars['Int'];
        owner: {
          id: Scalars['ID'];
          displayName: Scalars['String'];
        } | null;
      }>;
    }>;
  };
}

/** Variables of the registered query `Merges`. */
export interface MergesQueryVariables {
  filter?: MergeFilter | null;
  first?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `Merges`. */
export interface MergesQuery {
  merges: {
    nodes: Array<{
      id: Scalars['ID'];
      mergedIds: Array<Scalars['ID']>;
      picks: Array<{
        field: CleanupField;
        fromId: Scalars['ID'];
      }>;
      mergedAt: Scalars['DateTime'];
      unmergedAt: Scalars['DateTime'] | null;
      unmergeReason: Scalars['String'] | null;
      interactionCount: Scalars['Int'];
      survivor: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
        status: CustomerStatus;
      } | null;
      merged: Array<{
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
        status: CustomerStatus;
      }>;
      mergedBy: {
        displayName: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `DataQualityIssues`. */
export interface DataQualityIssuesQueryVariables {
  filter?: DataQualityFilter | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `DataQualityIssues`. */
export interface DataQualityIssuesQuery {
  dataQualityIssues: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      };
      field: CleanupField;
      problem: DataQualityProblem;
      value: Scalars['String'] | null;
      hasSuggestion: Scalars['Boolean'];
      suggestion: Scalars['String'] | null;
      message: Scalars['String'];
    }>;
  };
}

/** Variables of the registered query `SearchArchive`. */
export interface SearchArchiveQueryVariables {
  query: Scalars['String'];
  filter?: ArchiveSearchFilter | null;
  first?: Scalars['Int'] | null;
  after?: Scalars['String'] | null;
}

/** Result (`data`) of the registered query `SearchArchive`. */
export interface SearchArchiveQuery {
  searchArchive: {
    totalCount: Scalars['Int'];
    totalCountExact: Scalars['Boolean'];
    engine: SearchEngine;
    endCursor: Scalars['String'] | null;
    hits: Array<{
      score: Scalars['Float'];
      highlights: Array<{
        field: Scalars['String'];
        snippet: Scalars['String'];
      }>;
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
        type: CustomerType;
        region: Scalars['String'] | null;
        archivedAt: Scalars['DateTime'];
        archiveReason: Scalars['String'];
      };
    }>;
    facets: Array<{
      field: Scalars['String'];
      values: Array<{
        value: Scalars['String'];
        count: Scalars['Int'];
      }>;
    }>;
  };
}

/** Variables of the registered query `SegmentNames`. */
export interface SegmentNamesQueryVariables {
}

/** Result (`data`) of the registered query `SegmentNames`. */
export interface SegmentNamesQuery {
  segments: Array<{
    id: Scalars['ID'];
    name: Scalars['String'];
    description: Scalars['String'] | null;
  }>;
}

/** Variables of the registered mutation `BulkTagCustomers`. */
export interface BulkTagCustomersMutationVariables {
  input: BulkTagCustomersInput;
}

/** Result (`data`) of the registered mutation `BulkTagCustomers`. */
export interface BulkTagCustomersMutation {
  bulkTagCustomers: {
    matched: Scalars['Int'];
    changed: Scalars['Int'];
    dryRun: Scalars['Boolean'];
    undo: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      expiresAt: Scalars['DateTime'];
    } | null;
  };
}

/** Variables of the registered mutation `CreateExport`. */
export interface CreateExportMutationVariables {
  input: CreateExportInput;
}

/** Result (`data`) of the registered mutation `CreateExport`. */
export interface CreateExportMutation {
  createExport: {
    url: Scalars['String'];
    expiresAt: Scalars['DateTime'];
    rowCount: Scalars['Int'];
    columns: Array<Scalars['String']>;
  };
}

/** Variables of the registered query `VerifyAuditChain`. */
export interface VerifyAuditChainQueryVariables {
}

/** Result (`data`) of the registered query `VerifyAuditChain`. */
export interface VerifyAuditChainQuery {
  verifyAuditChain: {
    ok: Scalars['Boolean'];
    checked: Scalars['Int'];
    firstBrokenSeq: Scalars['String'] | null;
  };
}

/** Variables of the registered query `ApprovalRequests`. */
export interface ApprovalRequestsQueryVariables {
  state?: ApprovalState | null;
}

/** Result (`data`) of the registered query `ApprovalRequests`. */
export interface ApprovalRequestsQuery {
  approvalRequests: {
    nodes: Array<{
      id: Scalars['ID'];
      operation: ApprovalOperation;
      state: ApprovalState;
      reason: Scalars['String'];
      customerIds: Array<Scalars['ID']>;
      policyId: Scalars['ID'] | null;
      preview: {
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        held: Scalars['Int'];
      };
      requestedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      decidedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      requestedAt: Scalars['DateTime'];
      expiresAt: Scalars['DateTime'];
      decisionNote: Scalars['String'] | null;
      failure: Scalars['String'] | null;
      canDecide: Scalars['Boolean'];
      canCancel: Scalars['Boolean'];
    }>;
    pendingCount: Scalars['Int'];
    awaitingYouCount: Scalars['Int'];
    approvedCount: Scalars['Int'];
    executedCount: Scalars['Int'];
    rejectedCount: Scalars['Int'];
    cancelledCount: Scalars['Int'];
    expiredCount: Scalars['Int'];
    failedCount: Scalars['Int'];
  };
}

/** Variables of the registered query `ScheduledPurges`. */
export interface ScheduledPurgesQueryVariables {
  state: ScheduledPurgeState;
}

/** Result (`data`) of the registered query `ScheduledPurges`. */
export interface ScheduledPurgesQuery {
  scheduledPurges: {
    nodes: Array<{
      id: Scalars['ID'];
      customerId: Scalars['ID'];
      code: Scalars['String'];
      reason: Scalars['String'];
      state: ScheduledPurgeState;
      scheduledAt: Scalars['DateTime'];
      dueAt: Scalars['DateTime'];
      urgent: Scalars['Boolean'];
      scheduledBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      cancelReason: Scalars['String'] | null;
      purgedAt: Scalars['DateTime'] | null;
    }>;
    scheduledCount: Scalars['Int'];
    cancelledCount: Scalars['Int'];
    purgedCount: Scalars['Int'];
  };
}

/** Variables of the registered query `CustomerHistory`. */
export interface CustomerHistoryQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `CustomerHistory`. */
export interface CustomerHistoryQuery {
  data: Array<{
    id: Scalars['ID'];
    seq: Scalars['String'] | null;
    at: Scalars['DateTime'];
    action: Scalars['String'];
    actorRole: Role | null;
    reason: Scalars['String'] | null;
    store: CustomerStore | null;
    version: Scalars['Int'] | null;
    valuesKept: Scalars['Boolean'];
    actor: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
    changes: Array<{
      field: Scalars['String'];
      from: Scalars['JSON'] | null;
      to: Scalars['JSON'] | null;
      hidden: Scalars['Boolean'];
      revertible: Scalars['Boolean'];
    }>;
  }> | null;
}

/** Variables of the registered query `CustomerDuplicates`. */
export interface CustomerDuplicatesQueryVariables {
  input: CustomerDuplicateCheckInput;
}

/** Result (`data`) of the registered query `CustomerDuplicates`. */
export interface CustomerDuplicatesQuery {
  customerDuplicates: Array<{
    visible: Scalars['Boolean'];
    score: Scalars['Float'];
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      region: Scalars['String'] | null;
    } | null;
    reasons: Array<{
      kind: DuplicateMatchKind;
      score: Scalars['Float'];
      action: DuplicateRuleAction;
    }>;
  }>;
}

/** Variables of the registered query `CustomerImportSetup`. */
export interface CustomerImportSetupQueryVariables {
}

/** Result (`data`) of the registered query `CustomerImportSetup`. */
export interface CustomerImportSetupQuery {
  customerImportSetup: {
    maxBytes: Scalars['Int'];
    maxRows: Scalars['Int'];
    templates: Array<{
      id: Scalars['ID'];
      name: Scalars['String'];
      columns: Array<{
        index: Scalars['Int'];
        header: Scalars['String'];
        field: Scalars['String'] | null;
      }>;
    }>;
  };
}

/** Variables of the registered query `CustomerImportStatus`. */
export interface CustomerImportStatusQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `CustomerImportStatus`. */
export interface CustomerImportStatusQuery {
  customerImport: {
    id: Scalars['ID'];
    fileName: Scalars['String'];
    format: Scalars['String'];
    encoding: Scalars['String'] | null;
    duplicateAction: ImportDuplicateAction;
    templateId: Scalars['ID'] | null;
    state: CustomerImportState;
    rowCount: Scalars['Int'];
    createdAt: Scalars['DateTime'];
    columns: Array<{
      index: Scalars['Int'];
      header: Scalars['String'];
      field: Scalars['String'] | null;
    }>;
    counts: {
      rows: Scalars['Int'] | null;
      created: Scalars['Int'] | null;
      updated: Scalars['Int'] | null;
      skipped: Scalars['Int'] | null;
      errored: Scalars['Int'] | null;
      queued: Scalars['Int'] | null;
      duplicates: Scalars['Int'] | null;
      dryRun: Scalars['Boolean'] | null;
      removed: Scalars['Int'] | null;
      voided: Scalars['Int'] | null;
      restored: Scalars['Int'] | null;
      kept: Scalars['Int'] | null;
    };
    progress: {
      jobId: Scalars['ID'];
      state: Scalars['String'];
      done: Scalars['Int'];
      total: Scalars['Int'] | null;
      error: Scalars['String'] | null;
    } | null;
    undoProgress: {
      jobId: Scalars['ID'];
      state: Scalars['String'];
      done: Scalars['Int'];
      total: Scalars['Int'] | null;
      error: Scalars['String'] | null;
    } | null;
  } | null;
}

/** Variables of the registered query `CustomerImportRows`. */
export interface CustomerImportRowsQueryVariables {
  id: Scalars['ID'];
  preview: Scalars['Int'];
  first: Scalars['Int'];
  offset: Scalars['Int'];
}

/** Result (`data`) of the registered query `CustomerImportRows`. */
export interface CustomerImportRowsQuery {
  customerImport: {
    id: Scalars['ID'];
    preview: Array<{
      rowNo: Scalars['Int'];
      values: Array<{
        field: Scalars['String'];
        value: Scalars['String'];
      }>;
      problems: Array<{
        field: Scalars['String'];
        message: Scalars['String'];
      }>;
    }>;
    duplicateRows: Array<{
      rowNo: Scalars['Int'];
      action: ImportDuplicateAction | null;
      matchCount: Scalars['Int'];
      earlierRows: Array<Scalars['Int']>;
      values: Array<{
        field: Scalars['String'];
        value: Scalars['String'];
      }>;
      customers: Array<{
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      }>;
    }>;
  } | null;
}

/** Variables of the registered query `CustomerImportErrorFile`. */
export interface CustomerImportErrorFileQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `CustomerImportErrorFile`. */
export interface CustomerImportErrorFileQuery {
  customerImport: {
    id: Scalars['ID'];
    errorFile: Scalars['String'];
  } | null;
}

/** Variables of the registered mutation `ConfigureCustomerImport`. */
export interface ConfigureCustomerImportMutationVariables {
  input: ConfigureCustomerImportInput;
}

/** Result (`data`) of the registered mutation `ConfigureCustomerImport`. */
export interface ConfigureCustomerImportMutation {
  configureCustomerImport: {
    customerImport: {
      id: Scalars['ID'];
      templateId: Scalars['ID'] | null;
    };
  };
}

/** Variables of the registered mutation `ChooseImportRowActions`. */
export interface ChooseImportRowActionsMutationVariables {
  input: ChooseImportRowActionsInput;
}

/** Result (`data`) of the registered mutation `ChooseImportRowActions`. */
export interface ChooseImportRowActionsMutation {
  chooseImportRowActions: {
    rows: Scalars['Int'];
  };
}

/** Variables of the registered mutation `CheckCustomerImport`. */
export interface CheckCustomerImportMutationVariables {
  input: CustomerImportInput;
}

/** Result (`data`) of the registered mutation `CheckCustomerImport`. */
export interface CheckCustomerImportMutation {
  checkCustomerImport: {
    customerImport: {
      id: Scalars['ID'];
      progress: {
        jobId: Scalars['ID'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `RunCustomerImport`. */
export interface RunCustomerImportMutationVariables {
  input: CustomerImportInput;
}

/** Result (`data`) of the registered mutation `RunCustomerImport`. */
export interface RunCustomerImportMutation {
  runCustomerImport: {
    customerImport: {
      id: Scalars['ID'];
      progress: {
        jobId: Scalars['ID'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `UndoCustomerImport`. */
export interface UndoCustomerImportMutationVariables {
  input: CustomerImportInput;
}

/** Result (`data`) of the registered mutation `UndoCustomerImport`. */
export interface UndoCustomerImportMutation {
  undoCustomerImport: {
    customerImport: {
      id: Scalars['ID'];
      undoProgress: {
        jobId: Scalars['ID'];
      } | null;
    };
  };
}

/** Variables of the registered subscription `JobUpdated`. */
export interface JobUpdatedSubscriptionVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered subscription `JobUpdated`. */
export interface JobUpdatedSubscription {
  jobUpdated: {
    id: Scalars['ID'];
    state: JobState;
    progress: {
      done: Scalars['Int'];
      total: Scalars['Int'] | null;
    };
    cancelRequested: Scalars['Boolean'];
    result: Scalars['JSONObject'] | null;
    error: Scalars['String'] | null;
    startedAt: Scalars['DateTime'] | null;
    finishedAt: Scalars['DateTime'] | null;
    attempts: Scalars['Int'];
  };
}

/** Variables of the registered query `ActivityInZone`. */
export interface ActivityInZoneQueryVariables {
  from: Scalars['DateTime'];
  to: Scalars['DateTime'];
  bucket: TimeBucket;
  timeZone: Scalars['String'];
}

/** Result (`data`) of the registered query `ActivityInZone`. */
export interface ActivityInZoneQuery {
  lifecycleActivity: Array<{
    bucket: Scalars['DateTime'];
    archived: Scalars['Int'];
    restored: Scalars['Int'];
    voided: Scalars['Int'];
    unvoided: Scalars['Int'];
    purged: Scalars['Int'];
    merged: Scalars['Int'];
    unmerged: Scalars['Int'];
  }>;
}

/** Variables of the registered query `ArchiveOverview`. */
export interface ArchiveOverviewQueryVariables {
}

/** Result (`data`) of the registered query `ArchiveOverview`. */
export interface ArchiveOverviewQuery {
  archiveStats: {
    customers: Scalars['Int'];
    interactions: Scalars['Int'];
    oldestArchivedAt: Scalars['DateTime'] | null;
    legalHolds: Scalars['Int'];
    pastRetention: Scalars['Int'];
    byAge: Array<{
      age: Scalars['String'];
      count: Scalars['Int'];
    }>;
    byPolicy: Array<{
      policyId: Scalars['ID'] | null;
      policyName: Scalars['String'] | null;
      count: Scalars['Int'];
    }>;
  };
}

/** Variables of the registered query `CleanupStats`. */
export interface CleanupStatsQueryVariables {
}

/** Result (`data`) of the registered query `CleanupStats`. */
export interface CleanupStatsQuery {
  cleanupStats: {
    duplicateGroupsPending: Scalars['Int'];
    duplicateCustomersPending: Scalars['Int'];
    dataQualityIssues: Array<{
      field: CleanupField;
      problem: DataQualityProblem;
      count: Scalars['Int'];
    }>;
    dataQualityCustomers: Scalars['Int'];
    dataQualityCountedAt: Scalars['DateTime'] | null;
    lastDuplicateDetectionAt: Scalars['DateTime'] | null;
  };
}

/** Variables of the registered query `Backups`. */
export interface BackupsQueryVariables {
}

/** Result (`data`) of the registered query `Backups`. */
export interface BackupsQuery {
  backups: Array<{
    id: Scalars['ID'];
    createdAt: Scalars['DateTime'];
    createdBy: Scalars['ID'] | null;
    reason: Scalars['String'] | null;
    sizeBytes: Scalars['Float'];
    totalRows: Scalars['Int'];
    migration: Scalars['String'];
    serverVersion: Scalars['String'];
    tables: Array<{
      name: Scalars['String'];
      rows: Scalars['Int'];
    }>;
    lastDrill: {
      jobId: Scalars['ID'];
      state: JobState;
      finishedAt: Scalars['DateTime'] | null;
      error: Scalars['String'] | null;
      seconds: Scalars['Float'] | null;
    } | null;
  }>;
}

/** Variables of the registered query `BackupSettings`. */
export interface BackupSettingsQueryVariables {
}

/** Result (`data`) of the registered query `BackupSettings`. */
export interface BackupSettingsQuery {
  backupSettings: {
    keepDaily: Scalars['Int'];
    keepWeekly: Scalars['Int'];
    schedule: Scalars['String'] | null;
    drillSchedule: Scalars['String'] | null;
  };
}

/** Variables of the registered mutation `ApproveRequest`. */
export interface ApproveRequestMutationVariables {
  input: DecideApprovalInput;
}

/** Result (`data`) of the registered mutation `ApproveRequest`. */
export interface ApproveRequestMutation {
  data: {
    request: {
      id: Scalars['ID'];
      state: ApprovalState;
    };
  };
}

/** Variables of the registered mutation `ArchiveCustomers`. */
export interface ArchiveCustomersMutationVariables {
  input: ArchiveCustomersInput;
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `ArchiveCustomers`. */
export interface ArchiveCustomersMutation {
  data: {
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      previousStatus: CustomerStatus;
      legalHold: Scalars['Boolean'];
      archivedAt: Scalars['DateTime'];
      archiveReason: Scalars['String'];
      policyId: Scalars['String'] | null;
      retainUntil: Scalars['DateTime'] | null;
      checksum: Scalars['String'];
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      archivedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
    }>;
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
    archivedInteractions: Scalars['Int'];
    undo: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      expiresAt: Scalars['DateTime'];
    } | null;
  };
}

/** Variables of the registered query `ArchivedCustomerList`. */
export interface ArchivedCustomerListQueryVariables {
  filter?: ArchivedCustomerFilter | null;
  orderBy?: Array<ArchivedCustomerOrder> | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `ArchivedCustomerList`. */
export interface ArchivedCustomerListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      previousStatus: CustomerStatus;
      legalHold: Scalars['Boolean'];
      archivedAt: Scalars['DateTime'];
      archiveReason: Scalars['String'];
      policyId: Scalars['String'] | null;
      retainUntil: Scalars['DateTime'] | null;
      checksum: Scalars['String'];
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      archivedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
    }>;
  };
}

/** Variables of the registered query `ArchivedCustomerOne`. */
export interface ArchivedCustomerOneQueryVariables {
  id: Scalars['ID'];
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `ArchivedCustomerOne`. */
export interface ArchivedCustomerOneQuery {
  data: {
    id: Scalars['ID'];
    code: Scalars['String'];
    name: Scalars['String'];
    type: CustomerType;
    tier: CustomerTier;
    industry: Scalars['String'] | null;
    region: Scalars['String'] | null;
    lifecycleStage: LifecycleStage;
    status: CustomerStatus;
    email?: Scalars['String'] | null;
    phone?: Scalars['String'] | null;
    address?: Scalars['String'] | null;
    taxId?: Scalars['String'] | null;
    tags: Array<Scalars['String']>;
    notes?: Scalars['String'] | null;
    lastInteractionAt: Scalars['DateTime'] | null;
    createdAt: Scalars['DateTime'];
    updatedAt: Scalars['DateTime'];
    version: Scalars['Int'];
    voidReason: VoidReason | null;
    voidNote: Scalars['String'] | null;
    voidedAt: Scalars['DateTime'] | null;
    previousStatus: CustomerStatus;
    legalHold: Scalars['Boolean'];
    archivedAt: Scalars['DateTime'];
    archiveReason: Scalars['String'];
    policyId: Scalars['String'] | null;
    retainUntil: Scalars['DateTime'] | null;
    checksum: Scalars['String'];
    owner: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
    archivedBy: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
    interactionCount: Scalars['Int'];
  } | null;
}

/** Variables of the registered query `ArchivedCustomerSearch`. */
export interface ArchivedCustomerSearchQueryVariables {
  query: Scalars['String'];
  filter?: ArchiveSearchFilter | null;
  first?: Scalars['Int'] | null;
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `ArchivedCustomerSearch`. */
export interface ArchivedCustomerSearchQuery {
  data: {
    totalCount: Scalars['Int'];
    hits: Array<{
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
        type: CustomerType;
        tier: CustomerTier;
        industry: Scalars['String'] | null;
        region: Scalars['String'] | null;
        lifecycleStage: LifecycleStage;
        status: CustomerStatus;
        email?: Scalars['String'] | null;
        phone?: Scalars['String'] | null;
        address?: Scalars['String'] | null;
        taxId?: Scalars['String'] | null;
        tags: Array<Scalars['String']>;
        notes?: Scalars['String'] | null;
        lastInteractionAt: Scalars['DateTime'] | null;
        createdAt: Scalars['DateTime'];
        updatedAt: Scalars['DateTime'];
        version: Scalars['Int'];
        voidReason: VoidReason | null;
        voidNote: Scalars['String'] | null;
        voidedAt: Scalars['DateTime'] | null;
        previousStatus: CustomerStatus;
        legalHold: Scalars['Boolean'];
        archivedAt: Scalars['DateTime'];
        archiveReason: Scalars['String'];
        policyId: Scalars['String'] | null;
        retainUntil: Scalars['DateTime'] | null;
        checksum: Scalars['String'];
        owner: {
          id: Scalars['ID'];
          displayName: Scalars['String'];
        } | null;
        archivedBy: {
          id: Scalars['ID'];
          displayName: Scalars['String'];
        } | null;
        interactionCount: Scalars['Int'];
      };
    }>;
  };
}

/** Variables of the registered query `ArchivedInteractionPage`. */
export interface ArchivedInteractionPageQueryVariables {
  id: Scalars['ID'];
  filter?: InteractionFilter | null;
  orderBy?: Array<InteractionOrder> | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
  see_ArchivedInteraction_amount: Scalars['Boolean'];
  see_ArchivedInteraction_body: Scalars['Boolean'];
  see_ArchivedInteraction_currency: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `ArchivedInteractionPage`. */
export interface ArchivedInteractionPageQuery {
  data: {
    id: Scalars['ID'];
    interactions: {
      totalCount: Scalars['Int'];
      nodes: Array<{
        id: Scalars['ID'];
        kind: InteractionKind;
        occurredAt: Scalars['DateTime'];
        channel: InteractionChannel | null;
        subject: Scalars['String'];
        body?: Scalars['String'] | null;
        amount?: Scalars['Decimal'] | null;
        currency?: Scalars['String'] | null;
        createdAt: Scalars['DateTime'];
        archivedAt: Scalars['DateTime'];
        archiveReason: Scalars['String'];
        archivedWithCustomer: Scalars['Boolean'];
        owner: {
          id: Scalars['ID'];
          displayName: Scalars['String'];
        } | null;
      }>;
    };
  } | null;
}

/** Variables of the registered mutation `ArchiveInteractions`. */
export interface ArchiveInteractionsMutationVariables {
  input: ArchiveInteractionsInput;
}

/** Result (`data`) of the registered mutation `ArchiveInteractions`. */
export interface ArchiveInteractionsMutation {
  data: {
    archivedCount: Scalars['Int'];
    customerCount: Scalars['Int'];
  };
}

/** Variables of the registered query `ArchivePolicyList`. */
export interface ArchivePolicyListQueryVariables {
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `ArchivePolicyList`. */
export interface ArchivePolicyListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      action: ArchivePolicyAction;
      criteria: {
        lifecycleStage: Array<LifecycleStage> | null;
        type: Array<CustomerType> | null;
        tier: Array<CustomerTier> | null;
        region: Array<Scalars['String']> | null;
        industry: Array<Scalars['String']> | null;
        tags: Array<Scalars['String']> | null;
        ownerId: Array<Scalars['ID']> | null;
        inactiveDays: Scalars['Int'] | null;
        createdBeforeDays: Scalars['Int'] | null;
        status: Array<CustomerStatus> | null;
        voidedBeforeDays: Scalars['Int'] | null;
      };
      interactionsOlderThanDays: Scalars['Int'] | null;
      retentionDays: Scalars['Int'] | null;
      schedule: Scalars['String'] | null;
      enabled: Scalars['Boolean'];
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      lastRunAt: Scalars['DateTime'] | null;
      nextRunAt: Scalars['DateTime'] | null;
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `ArchivePolicyOne`. */
export interface ArchivePolicyOneQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `ArchivePolicyOne`. */
export interface ArchivePolicyOneQuery {
  data: {
    id: Scalars['ID'];
    name: Scalars['String'];
    description: Scalars['String'] | null;
    action: ArchivePolicyAction;
    criteria: {
      lifecycleStage: Array<LifecycleStage> | null;
      type: Array<CustomerType> | null;
      tier: Array<CustomerTier> | null;
      region: Array<Scalars['String']> | null;
      industry: Array<Scalars['String']> | null;
      tags: Array<Scalars['String']> | null;
      ownerId: Array<Scalars['ID']> | null;
      inactiveDays: Scalars['Int'] | null;
      createdBeforeDays: Scalars['Int'] | null;
      status: Array<CustomerStatus> | null;
      voidedBeforeDays: Scalars['Int'] | null;
    };
    interactionsOlderThanDays: Scalars['Int'] | null;
    retentionDays: Scalars['Int'] | null;
    schedule: Scalars['String'] | null;
    enabled: Scalars['Boolean'];
    createdAt: Scalars['DateTime'];
    updatedAt: Scalars['DateTime'];
    version: Scalars['Int'];
    lastRunAt: Scalars['DateTime'] | null;
    nextRunAt: Scalars['DateTime'] | null;
    createdBy: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
  } | null;
}

/** Variables of the registered query `AuditEventById`. */
export interface AuditEventByIdQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `AuditEventById`. */
export interface AuditEventByIdQuery {
  data: {
    id?: Scalars['ID'];
    seq?: Scalars['String'];
    at?: Scalars['DateTime'];
    actorRole?: Role | null;
    action?: Scalars['String'];
    entityType?: Scalars['String'];
    entityId?: Scalars['String'] | null;
    reason?: Scalars['String'] | null;
    changes?: Scalars['JSONObject'];
    requestId?: Scalars['String'] | null;
    prevHash?: Scalars['String'];
    hash?: Scalars['String'];
    actor?: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
      email: Scalars['String'];
    } | null;
  } | null;
}

/** Variables of the registered query `AuditEventList`. */
export interface AuditEventListQueryVariables {
  filter?: AuditEventFilter | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `AuditEventList`. */
export interface AuditEventListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      seq: Scalars['String'];
      at: Scalars['DateTime'];
      actorRole: Role | null;
      action: Scalars['String'];
      entityType: Scalars['String'];
      entityId: Scalars['String'] | null;
      reason: Scalars['String'] | null;
      changes: Scalars['JSONObject'];
      requestId: Scalars['String'] | null;
      prevHash: Scalars['String'];
      hash: Scalars['String'];
      actor: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
        email: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered mutation `CancelApprovalRequest`. */
export interface CancelApprovalRequestMutationVariables {
  input: DecideApprovalInput;
}

/** Result (`data`) of the registered mutation `CancelApprovalRequest`. */
export interface CancelApprovalRequestMutation {
  data: {
    request: {
      id: Scalars['ID'];
      state: ApprovalState;
    };
  };
}

/** Variables of the registered mutation `CancelJob`. */
export interface CancelJobMutationVariables {
  input: CancelJobInput;
}

/** Result (`data`) of the registered mutation `CancelJob`. */
export interface CancelJobMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CancelScheduledPurge`. */
export interface CancelScheduledPurgeMutationVariables {
  input: CancelScheduledPurgeInput;
}

/** Result (`data`) of the registered mutation `CancelScheduledPurge`. */
export interface CancelScheduledPurgeMutation {
  data: {
    scheduledPurge: {
      id: Scalars['ID'];
      state: ScheduledPurgeState;
    };
  };
}

/** Variables of the registered mutation `ClassifyLifecycleStages`. */
export interface ClassifyLifecycleStagesMutationVariables {
  input: ClassifyLifecycleStagesInput;
}

/** Result (`data`) of the registered mutation `ClassifyLifecycleStages`. */
export interface ClassifyLifecycleStagesMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CompleteSubjectRequest`. */
export interface CompleteSubjectRequestMutationVariables {
  input: CompleteSubjectRequestInput;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `CompleteSubjectRequest`. */
export interface CompleteSubjectRequestMutation {
  data: {
    subjectRequest: {
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CountDataQuality`. */
export interface CountDataQualityMutationVariables {
  input: CountDataQualityInput;
}

/** Result (`data`) of the registered mutation `CountDataQuality`. */
export interface CountDataQualityMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CreateArchivePolicy`. */
export interface CreateArchivePolicyMutationVariables {
  input: CreateArchivePolicyInput;
}

/** Result (`data`) of the registered mutation `CreateArchivePolicy`. */
export interface CreateArchivePolicyMutation {
  data: {
    policy: {
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      action: ArchivePolicyAction;
      criteria: {
        lifecycleStage: Array<LifecycleStage> | null;
        type: Array<CustomerType> | null;
        tier: Array<CustomerTier> | null;
        region: Array<Scalars['String']> | null;
        industry: Array<Scalars['String']> | null;
        tags: Array<Scalars['String']> | null;
        ownerId: Array<Scalars['ID']> | null;
        inactiveDays: Scalars['Int'] | null;
        createdBeforeDays: Scalars['Int'] | null;
        status: Array<CustomerStatus> | null;
        voidedBeforeDays: Scalars['Int'] | null;
      };
      interactionsOlderThanDays: Scalars['Int'] | null;
      retentionDays: Scalars['Int'] | null;
      schedule: Scalars['String'] | null;
      enabled: Scalars['Boolean'];
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      lastRunAt: Scalars['DateTime'] | null;
      nextRunAt: Scalars['DateTime'] | null;
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CreateCustomer`. */
export interface CreateCustomerMutationVariables {
  input: CreateCustomerInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `CreateCustomer`. */
export interface CreateCustomerMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CreateSubjectRequest`. */
export interface CreateSubjectRequestMutationVariables {
  input: CreateSubjectRequestInput;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `CreateSubjectRequest`. */
export interface CreateSubjectRequestMutation {
  data: {
    subjectRequest: {
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `CreateUser`. */
export interface CreateUserMutationVariables {
  input: CreateUserInput;
  see_User_createdAt: Scalars['Boolean'];
  see_User_enabled: Scalars['Boolean'];
  see_User_role: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `CreateUser`. */
export interface CreateUserMutation {
  data: {
    user: {
      id: Scalars['ID'];
      email: Scalars['String'];
      displayName: Scalars['String'];
      role?: Role;
      enabled?: Scalars['Boolean'];
      createdAt?: Scalars['DateTime'];
    };
  };
}

/** Variables of the registered query `CustomerList`. */
export interface CustomerListQueryVariables {
  filter?: CustomerFilter | null;
  orderBy?: Array<CustomerOrder> | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `CustomerList`. */
export interface CustomerListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `CustomerOne`. */
export interface CustomerOneQueryVariables {
  id: Scalars['ID'];
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `CustomerOne`. */
export interface CustomerOneQuery {
  data: {
    id: Scalars['ID'];
    code: Scalars['String'];
    name: Scalars['String'];
    type: CustomerType;
    tier: CustomerTier;
    industry: Scalars['String'] | null;
    region: Scalars['String'] | null;
    lifecycleStage: LifecycleStage;
    status: CustomerStatus;
    email?: Scalars['String'] | null;
    phone?: Scalars['String'] | null;
    address?: Scalars['String'] | null;
    taxId?: Scalars['String'] | null;
    tags: Array<Scalars['String']>;
    notes?: Scalars['String'] | null;
    lastInteractionAt: Scalars['DateTime'] | null;
    createdAt: Scalars['DateTime'];
    updatedAt: Scalars['DateTime'];
    version: Scalars['Int'];
    voidReason: VoidReason | null;
    voidNote: Scalars['String'] | null;
    voidedAt: Scalars['DateTime'] | null;
    owner: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
    interactionCount: Scalars['Int'];
    mergedInto: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
    } | null;
  } | null;
}

/** Variables of the registered mutation `DeleteArchivePolicy`. */
export interface DeleteArchivePolicyMutationVariables {
  input: DeleteArchivePolicyInput;
}

/** Result (`data`) of the registered mutation `DeleteArchivePolicy`. */
export interface DeleteArchivePolicyMutation {
  data: {
    policy: {
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      action: ArchivePolicyAction;
      criteria: {
        lifecycleStage: Array<LifecycleStage> | null;
        type: Array<CustomerType> | null;
        tier: Array<CustomerTier> | null;
        region: Array<Scalars['String']> | null;
        industry: Array<Scalars['String']> | null;
        tags: Array<Scalars['String']> | null;
        ownerId: Array<Scalars['ID']> | null;
        inactiveDays: Scalars['Int'] | null;
        createdBeforeDays: Scalars['Int'] | null;
        status: Array<CustomerStatus> | null;
        voidedBeforeDays: Scalars['Int'] | null;
      };
      interactionsOlderThanDays: Scalars['Int'] | null;
      retentionDays: Scalars['Int'] | null;
      schedule: Scalars['String'] | null;
      enabled: Scalars['Boolean'];
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      lastRunAt: Scalars['DateTime'] | null;
      nextRunAt: Scalars['DateTime'] | null;
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `DeleteSegment`. */
export interface DeleteSegmentMutationVariables {
  input: DeleteSegmentInput;
}

/** Result (`data`) of the registered mutation `DeleteSegment`. */
export interface DeleteSegmentMutation {
  data: {
    segment: {
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      filter: Scalars['JSONObject'];
      hiddenCriteria: Array<Scalars['String']>;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      customerCount: Scalars['Int'];
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `DeleteTag`. */
export interface DeleteTagMutationVariables {
  input: DeleteTagInput;
}

/** Result (`data`) of the registered mutation `DeleteTag`. */
export interface DeleteTagMutation {
  data: {
    tag: {
      name: Scalars['String'];
      color: Scalars['String'] | null;
      description: Scalars['String'] | null;
      count: Scalars['Int'];
    };
  };
}

/** Variables of the registered mutation `DetectDuplicates`. */
export interface DetectDuplicatesMutationVariables {
  input: DetectDuplicatesInput;
}

/** Result (`data`) of the registered mutation `DetectDuplicates`. */
export interface DetectDuplicatesMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `DismissDuplicate`. */
export interface DismissDuplicateMutationVariables {
  input: DismissDuplicateInput;
}

/** Result (`data`) of the registered mutation `DismissDuplicate`. */
export interface DismissDuplicateMutation {
  data: {
    groupId: Scalars['ID'];
    dismissedPairs: Scalars['Int'];
  };
}

/** Variables of the registered mutation `ErasePersonalData`. */
export interface ErasePersonalDataMutationVariables {
  input: ErasePersonalDataInput;
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `ErasePersonalData`. */
export interface ErasePersonalDataMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    } | null;
    archivedCustomer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      previousStatus: CustomerStatus;
      legalHold: Scalars['Boolean'];
      archivedAt: Scalars['DateTime'];
      archiveReason: Scalars['String'];
      policyId: Scalars['String'] | null;
      retainUntil: Scalars['DateTime'] | null;
      checksum: Scalars['String'];
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      archivedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
    } | null;
  };
}

/** Variables of the registered mutation `EraseSubjectData`. */
export interface EraseSubjectDataMutationVariables {
  input: EraseSubjectDataInput;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `EraseSubjectData`. */
export interface EraseSubjectDataMutation {
  data: {
    subjectRequest: {
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    };
  };
}

/** Variables of the registered query `InteractionList`. */
export interface InteractionListQueryVariables {
  filter?: InteractionFilter | null;
  orderBy?: Array<InteractionOrder> | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
  see_Interaction_amount: Scalars['Boolean'];
  see_Interaction_body: Scalars['Boolean'];
  see_Interaction_currency: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `InteractionList`. */
export interface InteractionListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      kind: InteractionKind;
      occurredAt: Scalars['DateTime'];
      channel: InteractionChannel | null;
      subject: Scalars['String'];
      body?: Scalars['String'] | null;
      amount?: Scalars['Decimal'] | null;
      currency?: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      };
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `InteractionTimeline`. */
export interface InteractionTimelineQueryVariables {
  filter?: InteractionFilter | null;
  orderBy?: Array<InteractionOrder> | null;
  first?: Scalars['Int'] | null;
  after?: Scalars['String'] | null;
  see_Interaction_amount: Scalars['Boolean'];
  see_Interaction_body: Scalars['Boolean'];
  see_Interaction_currency: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `InteractionTimeline`. */
export interface InteractionTimelineQuery {
  data: {
    totalCount: Scalars['Int'];
    pageInfo: {
      hasNextPage: Scalars['Boolean'];
      endCursor: Scalars['String'] | null;
    };
    nodes: Array<{
      id: Scalars['ID'];
      kind: InteractionKind;
      occurredAt: Scalars['DateTime'];
      channel: InteractionChannel | null;
      subject: Scalars['String'];
      body?: Scalars['String'] | null;
      amount?: Scalars['Decimal'] | null;
      currency?: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      };
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `JobList`. */
export interface JobListQueryVariables {
  filter?: JobFilter | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
}

/** Result (`data`) of the registered query `JobList`. */
export interface JobListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `JobOne`. */
export interface JobOneQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `JobOne`. */
export interface JobOneQuery {
  data: {
    id: Scalars['ID'];
    kind: JobKind;
    state: JobState;
    params: Scalars['JSONObject'];
    result: Scalars['JSONObject'] | null;
    error: Scalars['String'] | null;
    createdAt: Scalars['DateTime'];
    startedAt: Scalars['DateTime'] | null;
    finishedAt: Scalars['DateTime'] | null;
    attempts: Scalars['Int'];
    cancelRequested: Scalars['Boolean'];
    reasonCode: JobReasonCode | null;
    progress: {
      done: Scalars['Int'];
      total: Scalars['Int'] | null;
    };
    createdBy: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
  } | null;
}

/** Variables of the registered mutation `LogInteraction`. */
export interface LogInteractionMutationVariables {
  input: LogInteractionInput;
  see_Interaction_amount: Scalars['Boolean'];
  see_Interaction_body: Scalars['Boolean'];
  see_Interaction_currency: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `LogInteraction`. */
export interface LogInteractionMutation {
  data: {
    interaction: {
      id: Scalars['ID'];
      kind: InteractionKind;
      occurredAt: Scalars['DateTime'];
      channel: InteractionChannel | null;
      subject: Scalars['String'];
      body?: Scalars['String'] | null;
      amount?: Scalars['Decimal'] | null;
      currency?: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      };
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `MergeCustomers`. */
export interface MergeCustomersMutationVariables {
  input: MergeCustomersInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `MergeCustomers`. */
export interface MergeCustomersMutation {
  data: {
    survivor: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
    merge: {
      id: Scalars['ID'];
      mergedIds: Array<Scalars['ID']>;
      interactionCount: Scalars['Int'];
    } | null;
    movedInteractions: Scalars['Int'];
    dryRun: Scalars['Boolean'];
  };
}

/** Variables of the registered mutation `NormalizeCustomers`. */
export interface NormalizeCustomersMutationVariables {
  input: NormalizeCustomersInput;
}

/** Result (`data`) of the registered mutation `NormalizeCustomers`. */
export interface NormalizeCustomersMutation {
  data: {
    dryRun: Scalars['Boolean'];
    scanned: Scalars['Int'] | null;
    changedCustomers: Scalars['Int'] | null;
    changeCount: Scalars['Int'] | null;
    changes: Array<{
      customer: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      };
      field: CleanupField;
      before: Scalars['String'] | null;
      after: Scalars['String'] | null;
      hidden: Scalars['Boolean'];
    }>;
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    } | null;
    undo: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      expiresAt: Scalars['DateTime'];
    } | null;
  };
}

/** Variables of the registered query `PreviewArchivePolicy`. */
export interface PreviewArchivePolicyQueryVariables {
  input: PreviewArchivePolicyInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `PreviewArchivePolicy`. */
export interface PreviewArchivePolicyQuery {
  data: {
    customerCount: Scalars['Int'];
    interactionCount: Scalars['Int'];
    sample: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered mutation `PurgeCustomer`. */
export interface PurgeCustomerMutationVariables {
  input: PurgeCustomerInput;
}

/** Result (`data`) of the registered mutation `PurgeCustomer`. */
export interface PurgeCustomerMutation {
  data: {
    scheduledPurge: {
      id: Scalars['ID'];
      code: Scalars['String'];
      dueAt: Scalars['DateTime'];
    };
  };
}

/** Variables of the registered mutation `RejectRequest`. */
export interface RejectRequestMutationVariables {
  input: DecideApprovalInput;
}

/** Result (`data`) of the registered mutation `RejectRequest`. */
export interface RejectRequestMutation {
  data: {
    request: {
      id: Scalars['ID'];
      state: ApprovalState;
    };
  };
}

/** Variables of the registered mutation `RejectSubjectRequest`. */
export interface RejectSubjectRequestMutationVariables {
  input: RejectSubjectRequestInput;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `RejectSubjectRequest`. */
export interface RejectSubjectRequestMutation {
  data: {
    subjectRequest: {
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `ResetUserPassword`. */
export interface ResetUserPasswordMutationVariables {
  input: ResetUserPasswordInput;
  see_User_createdAt: Scalars['Boolean'];
  see_User_enabled: Scalars['Boolean'];
  see_User_role: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `ResetUserPassword`. */
export interface ResetUserPasswordMutation {
  data: {
    user: {
      id: Scalars['ID'];
      email: Scalars['String'];
      displayName: Scalars['String'];
      role?: Role;
      enabled?: Scalars['Boolean'];
      createdAt?: Scalars['DateTime'];
    };
  };
}

/** Variables of the registered mutation `ResolveAllDataQualityIssues`. */
export interface ResolveAllDataQualityIssuesMutationVariables {
  input: ResolveAllDataQualityIssuesInput;
}

/** Result (`data`) of the registered mutation `ResolveAllDataQualityIssues`. */
export interface ResolveAllDataQualityIssuesMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `ResolveDataQualityIssues`. */
export interface ResolveDataQualityIssuesMutationVariables {
  input: ResolveDataQualityIssuesInput;
}

/** Result (`data`) of the registered mutation `ResolveDataQualityIssues`. */
export interface ResolveDataQualityIssuesMutation {
  data: {
    resolved: Scalars['Int'];
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
  };
}

/** Variables of the registered mutation `RestoreCustomers`. */
export interface RestoreCustomersMutationVariables {
  input: RestoreCustomersInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `RestoreCustomers`. */
export interface RestoreCustomersMutation {
  data: {
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
    restoredInteractions: Scalars['Int'];
  };
}

/** Variables of the registered mutation `RevertCustomer`. */
export interface RevertCustomerMutationVariables {
  input: RevertCustomerInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `RevertCustomer`. */
export interface RevertCustomerMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
    revertedFields: Array<Scalars['String']>;
  };
}

/** Variables of the registered mutation `RunArchivePolicy`. */
export interface RunArchivePolicyMutationVariables {
  input: RunArchivePolicyInput;
}

/** Result (`data`) of the registered mutation `RunArchivePolicy`. */
export interface RunArchivePolicyMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `RunSubjectAccessExport`. */
export interface RunSubjectAccessExportMutationVariables {
  input: SubjectRequestIdInput;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `RunSubjectAccessExport`. */
export interface RunSubjectAccessExportMutation {
  data: {
    subjectRequest: {
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    };
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `SaveSegment`. */
export interface SaveSegmentMutationVariables {
  input: SaveSegmentInput;
}

/** Result (`data`) of the registered mutation `SaveSegment`. */
export interface SaveSegmentMutation {
  data: {
    segment: {
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      filter: Scalars['JSONObject'];
      hiddenCriteria: Array<Scalars['String']>;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      customerCount: Scalars['Int'];
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `SaveTag`. */
export interface SaveTagMutationVariables {
  input: SaveTagInput;
}

/** Result (`data`) of the registered mutation `SaveTag`. */
export interface SaveTagMutation {
  data: {
    tag: {
      name: Scalars['String'];
      color: Scalars['String'] | null;
      description: Scalars['String'] | null;
      count: Scalars['Int'];
    };
  };
}

/** Variables of the registered query `SegmentAll`. */
export interface SegmentAllQueryVariables {
}

/** Result (`data`) of the registered query `SegmentAll`. */
export interface SegmentAllQuery {
  data: Array<{
    id: Scalars['ID'];
    name: Scalars['String'];
    description: Scalars['String'] | null;
    filter: Scalars['JSONObject'];
    hiddenCriteria: Array<Scalars['String']>;
    createdAt: Scalars['DateTime'];
    updatedAt: Scalars['DateTime'];
    version: Scalars['Int'];
    customerCount: Scalars['Int'];
    createdBy: {
      id: Scalars['ID'];
      displayName: Scalars['String'];
    } | null;
  }>;
}

/** Variables of the registered mutation `SetLegalHold`. */
export interface SetLegalHoldMutationVariables {
  input: SetLegalHoldInput;
  see_ArchivedCustomer_address: Scalars['Boolean'];
  see_ArchivedCustomer_email: Scalars['Boolean'];
  see_ArchivedCustomer_notes: Scalars['Boolean'];
  see_ArchivedCustomer_phone: Scalars['Boolean'];
  see_ArchivedCustomer_taxId: Scalars['Boolean'];
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `SetLegalHold`. */
export interface SetLegalHoldMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    } | null;
    archivedCustomer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      previousStatus: CustomerStatus;
      legalHold: Scalars['Boolean'];
      archivedAt: Scalars['DateTime'];
      archiveReason: Scalars['String'];
      policyId: Scalars['String'] | null;
      retainUntil: Scalars['DateTime'] | null;
      checksum: Scalars['String'];
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      archivedBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
    } | null;
  };
}

/** Variables of the registered query `StaffNameAll`. */
export interface StaffNameAllQueryVariables {
}

/** Result (`data`) of the registered query `StaffNameAll`. */
export interface StaffNameAllQuery {
  data: Array<{
    id: Scalars['ID'];
    displayName: Scalars['String'];
  }>;
}

/** Variables of the registered mutation `StartBackup`. */
export interface StartBackupMutationVariables {
  input: StartBackupInput;
}

/** Result (`data`) of the registered mutation `StartBackup`. */
export interface StartBackupMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `StartBackupDrill`. */
export interface StartBackupDrillMutationVariables {
  input: StartBackupDrillInput;
}

/** Result (`data`) of the registered mutation `StartBackupDrill`. */
export interface StartBackupDrillMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `StartKeyRotation`. */
export interface StartKeyRotationMutationVariables {
  input: StartKeyRotationInput;
}

/** Result (`data`) of the registered mutation `StartKeyRotation`. */
export interface StartKeyRotationMutation {
  data: {
    job: {
      id: Scalars['ID'];
      kind: JobKind;
      state: JobState;
      params: Scalars['JSONObject'];
      result: Scalars['JSONObject'] | null;
      error: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      startedAt: Scalars['DateTime'] | null;
      finishedAt: Scalars['DateTime'] | null;
      attempts: Scalars['Int'];
      cancelRequested: Scalars['Boolean'];
      reasonCode: JobReasonCode | null;
      progress: {
        done: Scalars['Int'];
        total: Scalars['Int'] | null;
      };
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `SubjectAccessExportLink`. */
export interface SubjectAccessExportLinkMutationVariables {
  input: SubjectAccessExportLinkInput;
}

/** Result (`data`) of the registered mutation `SubjectAccessExportLink`. */
export interface SubjectAccessExportLinkMutation {
  data: {
    url: Scalars['String'];
    format: SubjectExportFormat;
    expiresAt: Scalars['DateTime'];
  };
}

/** Variables of the registered query `SubjectRequestList`. */
export interface SubjectRequestListQueryVariables {
  filter?: SubjectRequestFilter | null;
  first?: Scalars['Int'] | null;
  offset?: Scalars['Int'] | null;
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `SubjectRequestList`. */
export interface SubjectRequestListQuery {
  data: {
    totalCount: Scalars['Int'];
    nodes: Array<{
      id: Scalars['ID'];
      kind: SubjectRequestKind;
      regime: SubjectRequestRegime;
      status: SubjectRequestStatus;
      receivedOn: Scalars['String'];
      dueOn: Scalars['String'];
      overdue: Scalars['Boolean'];
      language: SubjectLanguage;
      reference: Scalars['String'] | null;
      outcome: Scalars['String'] | null;
      createdAt: Scalars['DateTime'];
      closedAt: Scalars['DateTime'] | null;
      subjectName?: Scalars['String'] | null;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      steps: Array<{
        id: Scalars['ID'];
        at: Scalars['DateTime'];
        action: SubjectRequestStepAction;
        customerId: Scalars['ID'] | null;
        customerCode: Scalars['String'] | null;
        jobId: Scalars['ID'] | null;
        fields: Array<Scalars['String']>;
      }>;
      accessExport: {
        createdAt: Scalars['DateTime'];
        expiresAt: Scalars['DateTime'];
        customers: Scalars['Int'];
        interactions: Scalars['Int'];
        history: Scalars['Int'];
        merges: Scalars['Int'];
        accessLog: Scalars['Int'];
      } | null;
    }>;
  };
}

/** Variables of the registered query `SubjectRequestOne`. */
export interface SubjectRequestOneQueryVariables {
  id: Scalars['ID'];
  see_SubjectRequest_email: Scalars['Boolean'];
  see_SubjectRequest_phone: Scalars['Boolean'];
  see_SubjectRequest_subjectName: Scalars['Boolean'];
  see_SubjectRequest_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `SubjectRequestOne`. */
export interface SubjectRequestOneQuery {
  data: {
    id: Scalars['ID'];
    kind: SubjectRequestKind;
    regime: SubjectRequestRegime;
    status: SubjectRequestStatus;
    receivedOn: Scalars['String'];
    dueOn: Scalars['String'];
    overdue: Scalars['Boolean'];
    language: SubjectLanguage;
    reference: Scalars['String'] | null;
    outcome: Scalars['String'] | null;
    createdAt: Scalars['DateTime'];
    closedAt: Scalars['DateTime'] | null;
    subjectName?: Scalars['String'] | null;
    email?: Scalars['String'] | null;
    phone?: Scalars['String'] | null;
    taxId?: Scalars['String'] | null;
    steps: Array<{
      id: Scalars['ID'];
      at: Scalars['DateTime'];
      action: SubjectRequestStepAction;
      customerId: Scalars['ID'] | null;
      customerCode: Scalars['String'] | null;
      jobId: Scalars['ID'] | null;
      fields: Array<Scalars['String']>;
    }>;
    accessExport: {
      createdAt: Scalars['DateTime'];
      expiresAt: Scalars['DateTime'];
      customers: Scalars['Int'];
      interactions: Scalars['Int'];
      history: Scalars['Int'];
      merges: Scalars['Int'];
      accessLog: Scalars['Int'];
    } | null;
  } | null;
}

/** Variables of the registered query `TagAll`. */
export interface TagAllQueryVariables {
}

/** Result (`data`) of the registered query `TagAll`. */
export interface TagAllQuery {
  data: Array<{
    name: Scalars['String'];
    color: Scalars['String'] | null;
    description: Scalars['String'] | null;
    count: Scalars['Int'];
  }>;
}

/** Variables of the registered mutation `UndoOperation`. */
export interface UndoOperationMutationVariables {
  input: UndoOperationInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UndoOperation`. */
export interface UndoOperationMutation {
  data: {
    operation: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      undoneAt: Scalars['DateTime'] | null;
    };
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
    restoredInteractions: Scalars['Int'];
  };
}

/** Variables of the registered mutation `UnmergeCustomers`. */
export interface UnmergeCustomersMutationVariables {
  input: UnmergeCustomersInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UnmergeCustomers`. */
export interface UnmergeCustomersMutation {
  data: {
    merge: {
      id: Scalars['ID'];
      unmergedAt: Scalars['DateTime'] | null;
    };
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
  };
}

/** Variables of the registered mutation `UnvoidCustomer`. */
export interface UnvoidCustomerMutationVariables {
  input: UnvoidCustomerInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UnvoidCustomer`. */
export interface UnvoidCustomerMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `UnvoidCustomers`. */
export interface UnvoidCustomersMutationVariables {
  input: UnvoidCustomersInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UnvoidCustomers`. */
export interface UnvoidCustomersMutation {
  data: {
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
  };
}

/** Variables of the registered mutation `UpdateArchivePolicy`. */
export interface UpdateArchivePolicyMutationVariables {
  input: UpdateArchivePolicyInput;
}

/** Result (`data`) of the registered mutation `UpdateArchivePolicy`. */
export interface UpdateArchivePolicyMutation {
  data: {
    policy: {
      id: Scalars['ID'];
      name: Scalars['String'];
      description: Scalars['String'] | null;
      action: ArchivePolicyAction;
      criteria: {
        lifecycleStage: Array<LifecycleStage> | null;
        type: Array<CustomerType> | null;
        tier: Array<CustomerTier> | null;
        region: Array<Scalars['String']> | null;
        industry: Array<Scalars['String']> | null;
        tags: Array<Scalars['String']> | null;
        ownerId: Array<Scalars['ID']> | null;
        inactiveDays: Scalars['Int'] | null;
        createdBeforeDays: Scalars['Int'] | null;
        status: Array<CustomerStatus> | null;
        voidedBeforeDays: Scalars['Int'] | null;
      };
      interactionsOlderThanDays: Scalars['Int'] | null;
      retentionDays: Scalars['Int'] | null;
      schedule: Scalars['String'] | null;
      enabled: Scalars['Boolean'];
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      lastRunAt: Scalars['DateTime'] | null;
      nextRunAt: Scalars['DateTime'] | null;
      createdBy: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `UpdateCustomer`. */
export interface UpdateCustomerMutationVariables {
  input: UpdateCustomerInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UpdateCustomer`. */
export interface UpdateCustomerMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
  };
}

/** Variables of the registered mutation `UpdateUser`. */
export interface UpdateUserMutationVariables {
  input: UpdateUserInput;
  see_User_createdAt: Scalars['Boolean'];
  see_User_enabled: Scalars['Boolean'];
  see_User_role: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `UpdateUser`. */
export interface UpdateUserMutation {
  data: {
    user: {
      id: Scalars['ID'];
      email: Scalars['String'];
      displayName: Scalars['String'];
      role?: Role;
      enabled?: Scalars['Boolean'];
      createdAt?: Scalars['DateTime'];
    };
  };
}

/** Variables of the registered query `UserAll`. */
export interface UserAllQueryVariables {
  see_User_createdAt: Scalars['Boolean'];
  see_User_enabled: Scalars['Boolean'];
  see_User_role: Scalars['Boolean'];
}

/** Result (`data`) of the registered query `UserAll`. */
export interface UserAllQuery {
  data: Array<{
    id: Scalars['ID'];
    email: Scalars['String'];
    displayName: Scalars['String'];
    role?: Role;
    enabled?: Scalars['Boolean'];
    createdAt?: Scalars['DateTime'];
  }>;
}

/** Variables of the registered mutation `VoidCustomer`. */
export interface VoidCustomerMutationVariables {
  input: VoidCustomerInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `VoidCustomer`. */
export interface VoidCustomerMutation {
  data: {
    customer: {
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    };
    undo: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      expiresAt: Scalars['DateTime'];
    } | null;
  };
}

/** Variables of the registered mutation `VoidCustomers`. */
export interface VoidCustomersMutationVariables {
  input: VoidCustomersInput;
  see_Customer_address: Scalars['Boolean'];
  see_Customer_email: Scalars['Boolean'];
  see_Customer_notes: Scalars['Boolean'];
  see_Customer_phone: Scalars['Boolean'];
  see_Customer_taxId: Scalars['Boolean'];
}

/** Result (`data`) of the registered mutation `VoidCustomers`. */
export interface VoidCustomersMutation {
  data: {
    customers: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      type: CustomerType;
      tier: CustomerTier;
      industry: Scalars['String'] | null;
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      status: CustomerStatus;
      email?: Scalars['String'] | null;
      phone?: Scalars['String'] | null;
      address?: Scalars['String'] | null;
      taxId?: Scalars['String'] | null;
      tags: Array<Scalars['String']>;
      notes?: Scalars['String'] | null;
      lastInteractionAt: Scalars['DateTime'] | null;
      createdAt: Scalars['DateTime'];
      updatedAt: Scalars['DateTime'];
      version: Scalars['Int'];
      voidReason: VoidReason | null;
      voidNote: Scalars['String'] | null;
      voidedAt: Scalars['DateTime'] | null;
      owner: {
        id: Scalars['ID'];
        displayName: Scalars['String'];
      } | null;
      interactionCount: Scalars['Int'];
      mergedInto: {
        id: Scalars['ID'];
        code: Scalars['String'];
        name: Scalars['String'];
      } | null;
    }>;
    failures: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      message: Scalars['String'];
    }>;
    undo: {
      id: Scalars['ID'];
      kind: UndoKind;
      customerCount: Scalars['Int'];
      expiresAt: Scalars['DateTime'];
    } | null;
  };
}

/** Variables of the registered mutation `SignIn`. */
export interface SignInMutationVariables {
  input: LoginInput;
}

/** Result (`data`) of the registered mutation `SignIn`. */
export interface SignInMutation {
  login: {
    token: Scalars['String'];
    expiresAt: Scalars['DateTime'];
    refreshToken: Scalars['String'];
    user: {
      id: Scalars['ID'];
      email: Scalars['String'];
      displayName: Scalars['String'];
      role: Role;
      permissions: Array<Scalars['String']>;
    };
  };
}

/** Variables of the registered mutation `RenewSession`. */
export interface RenewSessionMutationVariables {
  input: RefreshTokenInput;
}

/** Result (`data`) of the registered mutation `RenewSession`. */
export interface RenewSessionMutation {
  refreshToken: {
    token: Scalars['String'];
    expiresAt: Scalars['DateTime'];
    refreshToken: Scalars['String'];
    user: {
      id: Scalars['ID'];
      email: Scalars['String'];
      displayName: Scalars['String'];
      role: Role;
      permissions: Array<Scalars['String']>;
    };
  };
}

/** Variables of the registered query `Me`. */
export interface MeQueryVariables {
}

/** Result (`data`) of the registered query `Me`. */
export interface MeQuery {
  me: {
    id: Scalars['ID'];
    email: Scalars['String'];
    displayName: Scalars['String'];
    role: Role;
    permissions: Array<Scalars['String']>;
  };
}

/** Variables of the registered mutation `SignOut`. */
export interface SignOutMutationVariables {
}

/** Result (`data`) of the registered mutation `SignOut`. */
export interface SignOutMutation {
  logout: {
    sessionsEnded: Scalars['Int'];
  };
}

/** Variables of the registered query `SubjectMatches`. */
export interface SubjectMatchesQueryVariables {
  id: Scalars['ID'];
}

/** Result (`data`) of the registered query `SubjectMatches`. */
export interface SubjectMatchesQuery {
  data: Array<{
    customerId: Scalars['ID'];
    code: Scalars['String'];
    name: Scalars['String'];
    status: Scalars['String'];
    archived: Scalars['Boolean'];
    matchedBy: Array<SubjectMatchReason>;
  }>;
}

/** Variables of the registered mutation `Login`. */
export interface LoginMutationVariables {
  email: Scalars['String'];
  password: Scalars['String'];
}

/** Result (`data`) of the registered mutation `Login`. */
export interface LoginMutation {
  login: {
    token: Scalars['String'];
    expiresAt: Scalars['DateTime'];
    refreshToken: Scalars['String'];
  };
}

/** Variables of the registered query `CustomerStats`. */
export interface CustomerStatsQueryVariables {
  groupBy: Array<CustomerDimension>;
  filter?: CustomerFilter | null;
}

/** Result (`data`) of the registered query `CustomerStats`. */
export interface CustomerStatsQuery {
  customerStats: Array<{
    keys: Array<Scalars['String'] | null>;
    count: Scalars['Int'];
  }>;
}

/** Variables of the registered query `LifecycleActivity`. */
export interface LifecycleActivityQueryVariables {
  from: Scalars['DateTime'];
  to: Scalars['DateTime'];
  bucket?: TimeBucket | null;
}

/** Result (`data`) of the registered query `LifecycleActivity`. */
export interface LifecycleActivityQuery {
  lifecycleActivity: Array<{
    bucket: Scalars['DateTime'];
    archived: Scalars['Int'];
    restored: Scalars['Int'];
    voided: Scalars['Int'];
    unvoided: Scalars['Int'];
    purged: Scalars['Int'];
    merged: Scalars['Int'];
    unmerged: Scalars['Int'];
  }>;
}

/** Variables of the registered query `ArchiveStats`. */
export interface ArchiveStatsQueryVariables {
}

/** Result (`data`) of the registered query `ArchiveStats`. */
export interface ArchiveStatsQuery {
  archiveStats: {
    customers: Scalars['Int'];
    interactions: Scalars['Int'];
    oldestArchivedAt: Scalars['DateTime'] | null;
    legalHolds: Scalars['Int'];
    pastRetention: Scalars['Int'];
    byAge: Array<{
      age: Scalars['String'];
      count: Scalars['Int'];
    }>;
  };
}

/** Variables of the registered query `CustomersPage`. */
export interface CustomersPageQueryVariables {
  first: Scalars['Int'];
  after?: Scalars['String'] | null;
}

/** Result (`data`) of the registered query `CustomersPage`. */
export interface CustomersPageQuery {
  customers: {
    totalCount: Scalars['Int'];
    pageInfo: {
      hasNextPage: Scalars['Boolean'];
      endCursor: Scalars['String'] | null;
    };
    nodes: Array<{
      id: Scalars['ID'];
      code: Scalars['String'];
      name: Scalars['String'];
      region: Scalars['String'] | null;
      lifecycleStage: LifecycleStage;
      email: Scalars['String'] | null;
      phone: Scalars['String'] | null;
    }>;
  };
}

/** Every registered operation by name: its variables and its result, for typed clients. */
export interface RegisteredOperations {
  ActivityInZone: { variables: ActivityInZoneQueryVariables; result: ActivityInZoneQuery };
  ApprovalRequests: { variables: ApprovalRequestsQueryVariables; result: ApprovalRequestsQuery };
  ApproveRequest: { variables: ApproveRequestMutationVariables; result: ApproveRequestMutation };
  ArchiveCustomers: { variables: ArchiveCustomersMutationVariables; result: ArchiveCustomersMutation };
  ArchivedCustomerList: { variables: ArchivedCustomerListQueryVariables; result: ArchivedCustomerListQuery };
  ArchivedCustomerOne: { variables: ArchivedCustomerOneQueryVariables; result: ArchivedCustomerOneQuery };
  ArchivedCustomerSearch: { variables: ArchivedCustomerSearchQueryVariables; result: ArchivedCustomerSearchQuery };
  ArchivedInteractionPage: { variables: ArchivedInteractionPageQueryVariables; result: ArchivedInteractionPageQuery };
  ArchiveInteractions: { variables: ArchiveInteractionsMutationVariables; result: ArchiveInteractionsMutation };
  ArchiveOverview: { variables: ArchiveOverviewQueryVariables; result: ArchiveOverviewQuery };
  ArchivePolicyList: { variables: ArchivePolicyListQueryVariables; result: ArchivePolicyListQuery };
  ArchivePolicyOne: { variables: ArchivePolicyOneQueryVariables; result: ArchivePolicyOneQuery };
  ArchiveStats: { variables: ArchiveStatsQueryVariables; result: ArchiveStatsQuery };
  AuditEventById: { variables: AuditEventByIdQueryVariables; result: AuditEventByIdQuery };
  AuditEventList: { variables: AuditEventListQueryVariables; result: AuditEventListQuery };
  Backups: { variables: BackupsQueryVariables; result: BackupsQuery };
  BackupSettings: { variables: BackupSettingsQueryVariables; result: BackupSettingsQuery };
  BulkTagCustomers: { variables: BulkTagCustomersMutationVariables; result: BulkTagCustomersMutation };
  CancelApprovalRequest: { variables: CancelApprovalRequestMutationVariables; result: CancelApprovalRequestMutation };
  CancelJob: { variables: CancelJobMutationVariables; result: CancelJobMutation };
  CancelScheduledPurge: { variables: CancelScheduledPurgeMutationVariables; result: CancelScheduledPurgeMutation };
  CheckCustomerImport: { variables: CheckCustomerImportMutationVariables; result: CheckCustomerImportMutation };
  ChooseImportRowActions: { variables: ChooseImportRowActionsMutationVariables; result: ChooseImportRowActionsMutation };
  ClassifyLifecycleStages: { variables: ClassifyLifecycleStagesMutationVariables; result: ClassifyLifecycleStagesMutation };
  CleanupStats: { variables: CleanupStatsQueryVariables; result: CleanupStatsQuery };
  CompleteSubjectRequest: { variables: CompleteSubjectRequestMutationVariables; result: CompleteSubjectRequestMutation };
  ConfigureCustomerImport: { variables: ConfigureCustomerImportMutationVariables; result: ConfigureCustomerImportMutation };
  CountDataQuality: { variables: CountDataQualityMutationVariables; result: CountDataQualityMutation };
  CreateArchivePolicy: { variables: CreateArchivePolicyMutationVariables; result: CreateArchivePolicyMutation };
  CreateCustomer: { variables: CreateCustomerMutationVariables; result: CreateCustomerMutation };
  CreateExport: { variables: CreateExportMutationVariables; result: CreateExportMutation };
  CreateSubjectRequest: { variables: CreateSubjectRequestMutationVariables; result: CreateSubjectRequestMutation };
  CreateUser: { variables: CreateUserMutationVariables; result: CreateUserMutation };
  CustomerDuplicates: { variables: CustomerDuplicatesQueryVariables; result: CustomerDuplicatesQuery };
  CustomerHistory: { variables: CustomerHistoryQueryVariables; result: CustomerHistoryQuery };
  CustomerImportErrorFile: { variables: CustomerImportErrorFileQueryVariables; result: CustomerImportErrorFileQuery };
  CustomerImportRows: { variables: CustomerImportRowsQueryVariables; result: CustomerImportRowsQuery };
  CustomerImportSetup: { variables: CustomerImportSetupQueryVariables; result: CustomerImportSetupQuery };
  CustomerImportStatus: { variables: CustomerImportStatusQueryVariables; result: CustomerImportStatusQuery };
  CustomerList: { variables: CustomerListQueryVariables; result: CustomerListQuery };
  CustomerOne: { variables: CustomerOneQueryVariables; result: CustomerOneQuery };
  CustomersPage: { variables: CustomersPageQueryVariables; result: CustomersPageQuery };
  CustomerStats: { variables: CustomerStatsQueryVariables; result: CustomerStatsQuery };
  DataQualityIssues: { variables: DataQualityIssuesQueryVariables; result: DataQualityIssuesQuery };
  DeleteArchivePolicy: { variables: DeleteArchivePolicyMutationVariables; result: DeleteArchivePolicyMutation };
  DeleteSegment: { variables: DeleteSegmentMutationVariables; result: DeleteSegmentMutation };
  DeleteTag: { variables: DeleteTagMutationVariables; result: DeleteTagMutation };
  DetectDuplicates: { variables: DetectDuplicatesMutationVariables; result: DetectDuplicatesMutation };
  DismissDuplicate: { variables: DismissDuplicateMutationVariables; result: DismissDuplicateMutation };
  DuplicateCandidates: { variables: DuplicateCandidatesQueryVariables; result: DuplicateCandidatesQuery };
  ErasePersonalData: { variables: ErasePersonalDataMutationVariables; result: ErasePersonalDataMutation };
  EraseSubjectData: { variables: EraseSubjectDataMutationVariables; result: EraseSubjectDataMutation };
  InteractionList: { variables: InteractionListQueryVariables; result: InteractionListQuery };
  InteractionTimeline: { variables: InteractionTimelineQueryVariables; result: InteractionTimelineQuery };
  JobList: { variables: JobListQueryVariables; result: JobListQuery };
  JobOne: { variables: JobOneQueryVariables; result: JobOneQuery };
  JobUpdated: { variables: JobUpdatedSubscriptionVariables; result: JobUpdatedSubscription };
  LifecycleActivity: { variables: LifecycleActivityQueryVariables; result: LifecycleActivityQuery };
  Login: { variables: LoginMutationVariables; result: LoginMutation };
  LogInteraction: { variables: LogInteractionMutationVariables; result: LogInteractionMutation };
  Me: { variables: MeQueryVariables; result: MeQuery };
  MergeCustomers: { variables: MergeCustomersMutationVariables; result: MergeCustomersMutation };
  Merges: { variables: MergesQueryVariables; result: MergesQuery };
  NormalizeCustomers: { variables: NormalizeCustomersMutationVariables; result: NormalizeCustomersMutation };
  PreviewArchivePolicy: { variables: PreviewArchivePolicyQueryVariables; result: PreviewArchivePolicyQuery };
  PurgeCustomer: { variables: PurgeCustomerMutationVariables; result: PurgeCustomerMutation };
  RejectRequest: { variables: RejectRequestMutationVariables; result: RejectRequestMutation };
  RejectSubjectRequest: { variables: RejectSubjectRequestMutationVariables; result: RejectSubjectRequestMutation };
  RenewSession: { variables: RenewSessionMutationVariables; result: RenewSessionMutation };
  ResetUserPassword: { variables: ResetUserPasswordMutationVariables; result: ResetUserPasswordMutation };
  ResolveAllDataQualityIssues: { variables: ResolveAllDataQualityIssuesMutationVariables; result: ResolveAllDataQualityIssuesMutation };
  ResolveDataQualityIssues: { variables: ResolveDataQualityIssuesMutationVariables; result: ResolveDataQualityIssuesMutation };
  RestoreCustomers: { variables: RestoreCustomersMutationVariables; result: RestoreCustomersMutation };
  RevertCustomer: { variables: RevertCustomerMutationVariables; result: RevertCustomerMutation };
  RunArchivePolicy: { variables: RunArchivePolicyMutationVariables; result: RunArchivePolicyMutation };
  RunCustomerImport: { variables: RunCustomerImportMutationVariables; result: RunCustomerImportMutation };
  RunSubjectAccessExport: { variables: RunSubjectAccessExportMutationVariables; result: RunSubjectAccessExportMutation };
  SaveSegment: { variables: SaveSegmentMutationVariables; result: SaveSegmentMutation };
  SaveTag: { variables: SaveTagMutationVariables; result: SaveTagMutation };
  ScheduledPurges: { variables: ScheduledPurgesQueryVariables; result: ScheduledPurgesQuery };
  SearchArchive: { variables: SearchArchiveQueryVariables; result: SearchArchiveQuery };
  SegmentAll: { variables: SegmentAllQueryVariables; result: SegmentAllQuery };
  SegmentNames: { variables: SegmentNamesQueryVariables; result: SegmentNamesQuery };
  SetLegalHold: { variables: SetLegalHoldMutationVariables; result: SetLegalHoldMutation };
  SignIn: { variables: SignInMutationVariables; result: SignInMutation };
  SignOut: { variables: SignOutMutationVariables; result: SignOutMutation };
  StaffNameAll: { variables: StaffNameAllQueryVariables; result: StaffNameAllQuery };
  StartBackup: { variables: StartBackupMutationVariables; result: StartBackupMutation };
  StartBackupDrill: { variables: StartBackupDrillMutationVariables; result: StartBackupDrillMutation };
  StartKeyRotation: { variables: StartKeyRotationMutationVariables; result: StartKeyRotationMutation };
  SubjectAccessExportLink: { variables: SubjectAccessExportLinkMutationVariables; result: SubjectAccessExportLinkMutation };
  SubjectMatches: { variables: SubjectMatchesQueryVariables; result: SubjectMatchesQuery };
  SubjectRequestList: { variables: SubjectRequestListQueryVariables; result: SubjectRequestListQuery };
  SubjectRequestOne: { variables: SubjectRequestOneQueryVariables; result: SubjectRequestOneQuery };
  TagAll: { variables: TagAllQueryVariables; result: TagAllQuery };
  UndoCustomerImport: { variables: UndoCustomerImportMutationVariables; result: UndoCustomerImportMutation };
  UndoOperation: { variables: UndoOperationMutationVariables; result: UndoOperationMutation };
  UnmergeCustomers: { variables: UnmergeCustomersMutationVariables; result: UnmergeCustomersMutation };
  UnvoidCustomer: { variables: UnvoidCustomerMutationVariables; result: UnvoidCustomerMutation };
  UnvoidCustomers: { variables: UnvoidCustomersMutationVariables; result: UnvoidCustomersMutation };
  UpdateArchivePolicy: { variables: UpdateArchivePolicyMutationVariables; result: UpdateArchivePolicyMutation };
  UpdateCustomer: { variables: UpdateCustomerMutationVariables; result: UpdateCustomerMutation };
  UpdateUser: { variables: UpdateUserMutationVariables; result: UpdateUserMutation };
  UserAll: { variables: UserAllQueryVariables; result: UserAllQuery };
  VerifyAuditChain: { variables: VerifyAuditChainQueryVariables; result: VerifyAuditChainQuery };
  VoidCustomer: { variables: VoidCustomerMutationVariables; result: VoidCustomerMutation };
  VoidCustomers: { variables: VoidCustomersMutationVariables; result: VoidCustomersMutation };
}
