import { getSession, signOut } from 'next-auth/react';
import type { AuthProvider } from 'react-admin';
import { ROLE_LABELS } from '@/lib/auth/actor';
import type { Role } from '@/db/database';

export interface AdminPermissions {
  role: Role;
  regionId: string | null;
  canWrite: boolean;
  canEditRules: boolean;
  /** Values in rules only (conditions' values, outcome parameters); the server enforces it again. */
  canEditRuleValues: boolean;
}

function toSignIn(): never {
  window.location.assign('/login?callbackUrl=/admin');
  throw new Error('请先登录');
}

/** Sign-in itself is the site's own page (next-auth); react-admin only reads the session. */
export const authProvider: AuthProvider = {
  async login() {
    toSignIn();
  },
  async logout() {
    await signOut({ redirect: false });
    window.location.assign('/login');
    return false;
  },
  async checkAuth() {
    if (!(await getSession())) toSignIn();
  },
  async checkError(error: { status?: number }) {
    // 403 is a refusal of one action, shown as a message; only a lost session signs the user out.
    if (error?.status === 401) throw new Error('登录已过期，请重新登录');
  },
  async getIdentity() {
    const session = await getSession();
    if (!session) toSignIn();
    return { id: session.user.id, fullName: `${session.user.name}（${ROLE_LABELS[session.user.role]}）` };
  },
  async getPermissions(): Promise<AdminPermissions> {
    const session = await getSession();
    if (!session) toSignIn();
    const { role, regionId, canEditRules, canEditRuleValues } = session.user;
    const full = role === 'platform_admin' || canEditRules;
    return { role, regionId, canWrite: role === 'operator' || role === 'platform_admin', canEditRules: full, canEditRuleValues: full || canEditRuleValues };
  },
};
