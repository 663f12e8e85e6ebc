import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type EnterpriseStatus = 'pending_review' | 'verified' | 'rejected';
export type JoinRequestStatus = 'pending' | 'approved' | 'rejected';
export type MobileCodePurpose = 'register' | 'reset_password';

/** A person asking to join an enterprise already on the platform (a second registration for its USCC). */
export interface EnterpriseJoinRequestsTable {
  id: Generated<string>;
  enterprise_id: string;
  display_name: string;
  phone: string;
  password_hash: string;
  status: Generated<JoinRequestStatus>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  /** The account made when the request was approved. */
  user_id: string | null;
  created_at: CreatedAt;
}

/** A 6-digit code sent to a mobile number; only its hash is kept. */
export interface MobileCodesTable {
  id: Generated<string>;
  phone: string;
  purpose: MobileCodePurpose;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: Timestamp | null;
  created_at: CreatedAt;
}

/** Every text message the platform sent, or with no provider configured would have sent. */
export interface SmsMessagesTable {
  /** bigint identity, read as a number (db/int8.ts). */
  id: Generated<number>;
  phone: string;
  purpose: string;
  body: string;
  provider: string;
  sent_at: CreatedAt;
}
