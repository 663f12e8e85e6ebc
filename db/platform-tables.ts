import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type PlatformSigningAlgorithm = 'sha256' | 'sm3';

/** A registered trading platform (migration 0015, lib/trading-platforms). */
export interface TradingPlatformsTable {
  id: Generated<string>;
  code: string;
  name: string;
  region_ids: string[];
  /** Signs both directions; never shown again after it is saved. */
  secret: string;
  algorithm: Generated<PlatformSigningAlgorithm>;
  /** Callbacks go to `${callback_base_url}/guarantee-events`; none, none are written. */
  callback_base_url: string | null;
  /** Where 返回交易平台 leads a bidder who gave up buying a guarantee. */
  return_url: string | null;
  enabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlatformNoncesTable {
  platform_id: string;
  nonce: string;
  seen_at: Timestamp;
}

export interface PlatformEventReceiptsTable {
  platform_id: string;
  event_id: string;
  project_id: string;
  received_at: Timestamp;
}

export interface PlatformSsoTokensTable {
  platform_id: string;
  nonce: string;
  user_id: string;
  used_at: Timestamp;
}
