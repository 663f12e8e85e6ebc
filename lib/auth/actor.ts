import type { Role } from '@/db/database';

/** The signed-in person every use case acts for; loaded from the users table on each request. */
export interface Actor {
  userId: string;
  role: Role;
  name: string;
  phone: string;
  regionId: string | null;
  enterpriseId: string | null;
  canEditRules: boolean;
  /** May change values in rules (conditions' values, outcome parameters) but not their structure. */
  canEditRuleValues: boolean;
  /**
   * Someone else set the password (account created, password reset): until the account chooses its own it
   * may do nothing else (lib/auth/session-actor.ts). Always set by loadActor; an actor built elsewhere (a
   * script, a background job acting for someone) has no password to change.
   */
  mustChangePassword?: boolean;
}

export const ROLE_LABELS: Record<Role, string> = {
  bidder: '投标人',
  operator: '区域管理员',
  compliance: '合规审计',
  platform_admin: '平台管理员',
};

export const BACK_OFFICE_ROLES: readonly Role[] = ['operator', 'compliance', 'platform_admin'];
