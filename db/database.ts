import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';
import type { EnterpriseJoinRequestsTable, EnterpriseStatus, MobileCodesTable, SmsMessagesTable } from './account-tables';
import type { JobRunsTable, MailboxMessagesTable, OutboxAttemptsTable, OutboxMessagesTable } from './outbox-tables';
import type { PlatformEventReceiptsTable, PlatformNoncesTable, PlatformSsoTokensTable, TradingPlatformsTable } from './platform-tables';

export type * from './account-tables';
export type * from './outbox-tables';
export type * from './platform-tables';

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type Role = 'bidder' | 'operator' | 'compliance' | 'platform_admin';
export type ProjectType = 'construction' | 'procurement';
export type ProjectStatus = 'normal' | 'suspended' | 'paused' | 'failed' | 'terminated';

export interface RegionsTable {
  /** The administrative division code (6 digits). */
  id: string;
  name: string;
  parent_id: string | null;
  active: Generated<boolean>;
}

export interface EnterprisesTable {
  id: Generated<string>;
  name: string;
  uscc: string;
  legal_representative: string;
  contact_name: string;
  contact_phone: string;
  email: string;
  basic_account_bank: string;
  basic_account_name: string;
  basic_account_number: string;
  /** The region whose operators review it; null for enterprises from before registration existed. */
  region_id: string | null;
  status: Generated<EnterpriseStatus>;
  /** Why the review rejected it, shown to the enterprise. */
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  /** Its first user, who approves the people asking to join it. */
  registered_by: string | null;
  /** The trading platform that created or linked it by USCC (trusted: no 企业认证审核). */
  platform_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  phone: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region_id: string | null;
  enterprise_id: string | null;
  can_edit_rules: Generated<boolean>;
  /** Values in rule conditions and outcome parameters only; the structure stays as it is. */
  can_edit_rule_values: Generated<boolean>;
  active: Generated<boolean>;
  /** Moved on by sign-out, a password change or a deactivation: older session tokens stop working. */
  session_version: Generated<number>;
  /** Set when someone else chose the password (account created, password reset). */
  must_change_password: Generated<boolean>;
  last_signed_in_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface InsurersTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  receiving_account_name: string;
  receiving_account_bank: string;
  receiving_account_number: string;
  contact_phone: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProductsTable {
  id: Generated<string>;
  insurer_id: string;
  name: string;
  /** Premium rate in basis points of the deposit (25 = 0.25%). */
  rate_bp: number;
  min_premium_fen: number;
  project_types: ProjectType[];
  notice: string;
  /** The application form its applicants fill (form_versions.form_key). */
  form_key: Generated<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProjectsTable {
  id: Generated<string>;
  region_id: string;
  code: string;
  name: string;
  type: ProjectType;
  tenderer: string;
  status: ProjectStatus;
  deposit_deadline: Timestamp;
  bid_opening_at: Timestamp;
  /** The trading platform that pushed it (read-only in /admin then); null for a project an operator made. */
  platform_id: Generated<string | null>;
  /** The platform's revision last applied. */
  platform_revision: Generated<number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SectionsTable {
  id: Generated<string>;
  project_id: string;
  code: string;
  name: string;
  deposit_fen: number;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string;
  region_id: string | null;
  before: Json | null;
  after: Json | null;
  reason: string | null;
  prev_hash: string | null;
  hash: string;
}

export type RuleVersionStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'archived';

export interface RuleSetVersionsTable {
  id: Generated<string>;
  rule_set_key: RuleSetKey;
  region_id: string | null;
  version: number;
  status: RuleVersionStatus;
  /** The json-rules-engine rules array. */
  document: ColumnType<unknown, string, string>;
  note: Generated<string>;
  copied_from: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
  publish_reason: string | null;
  archived_at: Timestamp | null;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  submit_reason: string | null;
  effective_from: Timestamp | null;
}

/** One row: the generation of the set of published rule versions (see migration 0011). */
export interface RuleCacheGenerationTable {
  id: number;
  generation: number;
}

export interface RuleTestCasesTable {
  id: Generated<string>;
  rule_set_key: RuleSetKey;
  name: string;
  facts: ColumnType<Record<string, unknown>, string, string>;
  expected: ColumnType<Record<string, unknown>, string, string>;
  /** null: a platform case, run for every region; else the region's own, replacing a platform case of the same name. */
  region_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp | null;
}

export interface RuleDecisionsTable {
  id: Generated<string>;
  rule_set_key: RuleSetKey;
  region_id: string | null;
  version_id: string;
  subject_type: string;
  subject_id: string;
  facts: ColumnType<Record<string, unknown>, string, string>;
  outcome: ColumnType<Record<string, unknown>, string, string>;
  fired_rules: ColumnType<string[], string, string>;
  rule_results: ColumnType<unknown, string, string>;
  decided_at: Timestamp;
}

export type OrderStatus =
  | 'pending_payment'
  | 'payment_review'
  | 'issued'
  | 'cancelled'
  | 'abandoned'
  | 'surrender_review'
  | 'surrendered';

export interface FormVersionsTable {
  id: Generated<string>;
  form_key: string;
  region_id: string | null;
  version: number;
  status: RuleVersionStatus;
  schema: ColumnType<Record<string, unknown>, string, string>;
  ui_schema: ColumnType<Record<string, unknown>, string, string>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
  publish_reason: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  submit_reason: string | null;
  effective_from: Timestamp | null;
}

export type VersionReviewStep = 'submit' | 'approve' | 'reject' | 'edit_returned';

/** One step of a rule or form version's review (migration 0016). */
export interface VersionReviewsTable {
  id: Generated<string>;
  version_table: 'rule_set_versions' | 'form_versions';
  version_id: string;
  step: VersionReviewStep;
  actor_id: string;
  comment: Generated<string>;
  at: Timestamp;
}

/** Whether a scope ('baseline' or a region's id) needs a second person to approve changes; no row: yes. */
export interface VersionApprovalSettingsTable {
  scope: string;
  approval_required: boolean;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A signed checkpoint of the audit chain's head (migration 0016, lib/audit/audit-checkpoint.ts). */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  chain_row_id: number;
  chain_hash: string;
  chain_rows: number;
  taken_at: Timestamp;
  public_key: string;
  signature: string;
}

export interface OrdersTable {
  id: Generated<string>;
  order_number: string;
  remark_code: string;
  enterprise_id: string;
  section_id: string;
  product_id: string;
  form_version_id: string;
  form_data: ColumnType<Record<string, unknown>, string, string>;
  deposit_fen: number;
  premium_fen: number;
  status: OrderStatus;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  actor_id: string | null;
  reason: string;
  decision_id: string | null;
  occurred_at: Timestamp;
}

export type TransferStatus = 'matched' | 'unmatched' | 'duplicate' | 'returned' | 'review';

export interface BankTransfersTable {
  id: Generated<string>;
  bank_code: string;
  bank_txn_id: string;
  source: 'webhook' | 'statement';
  amount_fen: number;
  payer_name: string;
  payer_account: string;
  payer_kind: 'enterprise' | 'personal';
  remark: string;
  bank_time: Timestamp;
  received_at: Timestamp;
  status: TransferStatus;
  order_id: string | null;
  decision_id: string | null;
  region_id: string | null;
  handled_by: string | null;
  handled_at: Timestamp | null;
  handling_note: string | null;
}

export interface RefundsTable {
  id: Generated<string>;
  /** Null only for a transfer that matched no order and is returned to its payer. */
  order_id: string | null;
  transfer_id: string | null;
  surrender_id: string | null;
  /** Null payee: back the way the money came (the transfer's payer account). */
  payee_name: string | null;
  payee_bank: string | null;
  payee_account: string | null;
  amount_fen: number;
  reason: string;
  /** A calendar date (YYYY-MM-DD), the last working day the refund is due by. */
  due_date: ColumnType<string, string, string>;
  status: 'pending' | 'refunded';
  refunded_at: Timestamp | null;
  bank_reference: string | null;
  created_at: Timestamp;
}

export interface CalendarDaysTable {
  day: ColumnType<string, string, string>;
  is_working_day: boolean;
  note: Generated<string>;
}

export type PaymentTicketKind = 'paid_not_issued' | 'refund_request';

export interface PaymentTicketsTable {
  id: Generated<string>;
  order_id: string;
  kind: PaymentTicketKind;
  message: string;
  refund_account_name: string | null;
  refund_bank: string | null;
  refund_account_number: string | null;
  status: 'open' | 'answered';
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SectionKeysTable {
  section_id: string;
  wrapped_key: string;
  created_at: Timestamp;
}

export interface PoliciesTable {
  id: Generated<string>;
  order_id: string;
  policy_number: string;
  verification_code: string;
  issued_at: Timestamp;
  period_start: Timestamp;
  period_end: Timestamp;
  /** The issued PDF sealed with the section key (magic, IV, tag, ciphertext); null until its job renders it. */
  sealed_document: Uint8Array | null;
  document_ready_at: Timestamp | null;
}

export type PolicyDocumentJobStatus = 'pending' | 'done';

/** Renders and seals one policy's document (lib/policies/document-jobs). */
export interface PolicyDocumentJobsTable {
  policy_id: string;
  /** The PolicyDocument as issued, dates as ISO strings. */
  document: Json;
  status: PolicyDocumentJobStatus;
  attempts: Generated<number>;
  run_after: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  created_at: Timestamp;
  done_at: Timestamp | null;
}

/** A bank's signed notification as received (migration 0012): recorded and reconciled by the processor. */
export interface BankNotificationsTable {
  id: Generated<string>;
  bank_code: string;
  transaction_id: string;
  /** The exact bytes the signature is over. */
  body: string;
  signature: string;
  signed_at: Timestamp;
  received_at: Timestamp;
  status: 'pending' | 'done';
  attempts: Generated<number>;
  run_after: Timestamp;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  processed_at: Timestamp | null;
  transfer_id: string | null;
}

/** An address an account signed in from successfully (its rate-limit key, lib/http/rate-limit-address.ts). */
export interface KnownSignInAddressesTable {
  user_id: string;
  address: string;
  last_signed_in_at: Timestamp;
}

export interface RateLimitWindowsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export type ProjectEventKind = 'status' | 'bid_opening';

export interface ProjectEventsTable {
  id: Generated<string>;
  project_id: string;
  kind: ProjectEventKind;
  from_value: string;
  to_value: string;
  reason: string;
  actor_id: string | null;
  occurred_at: Timestamp;
}

export type SurrenderStatus = 'awaiting_account' | 'submitted' | 'approved' | 'rejected';
export type SurrenderBidderReason = 'abandon_bid' | 'project_anomaly';

export interface SurrendersTable {
  id: Generated<string>;
  order_id: string;
  status: SurrenderStatus;
  bidder_reason: SurrenderBidderReason;
  note: Generated<string>;
  clause: number;
  refund_account_required: boolean;
  account_name: string | null;
  account_bank: string | null;
  account_number: string | null;
  decision_id: string | null;
  created_by: string;
  created_at: Timestamp;
  submitted_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_reason: string | null;
  refund_id: string | null;
}

export interface DocumentsTable {
  id: Generated<string>;
  file_name: string;
  content_type: string;
  sha256: string;
  /** bytea: pg reads a Buffer, PGlite a Uint8Array; both are Uint8Array. */
  content: Uint8Array;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export type InvoiceMedium = 'electronic' | 'paper';
export type InvoiceType = 'ordinary' | 'special';
export type InvoiceStatus = 'requested' | 'issued' | 'voided';

export interface InvoicesTable {
  id: Generated<string>;
  order_id: string;
  medium: InvoiceMedium;
  invoice_type: InvoiceType;
  title: string;
  tax_number: string;
  company_address: string | null;
  company_phone: string | null;
  company_bank: string | null;
  company_account: string | null;
  recipient_name: string | null;
  recipient_phone: string | null;
  delivery_address: string | null;
  status: InvoiceStatus;
  decision_id: string | null;
  requested_by: string;
  requested_at: Timestamp;
  invoice_number: string | null;
  document_id: string | null;
  carrier: string | null;
  tracking_number: string | null;
  issued_by: string | null;
  issued_at: Timestamp | null;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: Timestamp | null;
}

export type StatementImportStatus = 'running' | 'done' | 'failed';
export type StatementLineOutcome = 'issued' | 'review' | 'refunded' | 'duplicate' | 'unmatched' | 'already_imported';

export interface StatementImportsTable {
  id: Generated<string>;
  bank_code: string;
  file_name: string | null;
  sha256: string;
  encoding: string;
  region_id: string | null;
  created_by: string;
  actor_label: string;
  status: StatementImportStatus;
  total_lines: number;
  processed_lines: Generated<number>;
  imported: Generated<number>;
  already_imported: Generated<number>;
  matched: Generated<number>;
  unmatched: Generated<number>;
  duplicate: Generated<number>;
  review: Generated<number>;
  issued: Generated<number>;
  refunded: Generated<number>;
  file: Uint8Array | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  attempts: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface StatementImportLinesTable {
  import_id: string;
  line: number;
  bank_txn_id: string;
  amount_fen: number;
  payer_name: string;
  remark: string;
  outcome: StatementLineOutcome;
  transfer_id: string | null;
  order_id: string | null;
  region_id: string | null;
}

export interface Database {
  regions: RegionsTable;
  enterprises: EnterprisesTable;
  users: UsersTable;
  insurers: InsurersTable;
  products: ProductsTable;
  projects: ProjectsTable;
  sections: SectionsTable;
  audit_events: AuditEventsTable;
  rule_set_versions: RuleSetVersionsTable;
  rule_test_cases: RuleTestCasesTable;
  rule_decisions: RuleDecisionsTable;
  rule_cache_generation: RuleCacheGenerationTable;
  form_versions: FormVersionsTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  bank_transfers: BankTransfersTable;
  bank_notifications: BankNotificationsTable;
  refunds: RefundsTable;
  calendar_days: CalendarDaysTable;
  payment_tickets: PaymentTicketsTable;
  section_keys: SectionKeysTable;
  policies: PoliciesTable;
  policy_document_jobs: PolicyDocumentJobsTable;
  rate_limit_windows: RateLimitWindowsTable;
  known_sign_in_addresses: KnownSignInAddressesTable;
  project_events: ProjectEventsTable;
  surrenders: SurrendersTable;
  documents: DocumentsTable;
  invoices: InvoicesTable;
  statement_imports: StatementImportsTable;
  statement_import_lines: StatementImportLinesTable;
  enterprise_join_requests: EnterpriseJoinRequestsTable;
  mobile_codes: MobileCodesTable;
  sms_messages: SmsMessagesTable;
  outbox_messages: OutboxMessagesTable;
  outbox_attempts: OutboxAttemptsTable;
  trading_platforms: TradingPlatformsTable;
  platform_nonces: PlatformNoncesTable;
  platform_event_receipts: PlatformEventReceiptsTable;
  platform_sso_tokens: PlatformSsoTokensTable;
  mailbox_messages: MailboxMessagesTable;
  job_runs: JobRunsTable;
  version_reviews: VersionReviewsTable;
  version_approval_settings: VersionApprovalSettingsTable;
  audit_checkpoints: AuditCheckpointsTable;
}

export type User = Selectable<UsersTable>;
export type Enterprise = Selectable<EnterprisesTable>;
export type Insurer = Selectable<InsurersTable>;
export type NewInsurer = Insertable<InsurersTable>;
export type InsurerUpdate = Updateable<InsurersTable>;
export type Product = Selectable<ProductsTable>;
export type Project = Selectable<ProjectsTable>;
export type Section = Selectable<SectionsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
