import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RuleSetKey } from '@/rules/catalog/rule-set-catalogs';

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export type Role = 'bidder' | 'operator' | 'compliance' | 'platform_admin';
export type ProjectType = 'construction' | 'procurement';
export type ProjectStatus = 'normal' | 'suspended' | 'paused' | 'failed' | 'terminated';

export interface RegionsTable {
  id: string;
  name: string;
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
  active: Generated<boolean>;
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

export type RuleVersionStatus = 'draft' | 'published' | 'archived';

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
}

export interface RuleTestCasesTable {
  id: Generated<string>;
  rule_set_key: RuleSetKey;
  name: string;
  facts: ColumnType<Record<string, unknown>, string, string>;
  expected: ColumnType<Record<string, unknown>, string, string>;
  created_by: string | null;
  created_at: Timestamp;
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

export type TransferStatus = 'matched' | 'unmatched' | 'duplicate' | 'returned';

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
}

export interface RefundsTable {
  id: Generated<string>;
  order_id: string;
  transfer_id: string | null;
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
  form_versions: FormVersionsTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  bank_transfers: BankTransfersTable;
  refunds: RefundsTable;
  calendar_days: CalendarDaysTable;
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
