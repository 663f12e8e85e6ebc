import type { Role } from '@/db/database';

declare module 'next-auth' {
  interface User {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
    canEditRules: boolean;
    canEditRuleValues: boolean;
    /** The account's session version at sign-in (lib/auth/session-version.ts). */
    sessionVersion: number;
    /** Someone else set the password: the account must change it before anything else. */
    mustChangePassword: boolean;
  }
  interface Session {
    user: {
      id: string;
      name: string;
      role: Role;
      regionId: string | null;
      enterpriseId: string | null;
      canEditRules: boolean;
      canEditRuleValues: boolean;
      sessionVersion?: number;
      mustChangePassword?: boolean;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
    canEditRules?: boolean;
    canEditRuleValues?: boolean;
    /** Absent in tokens issued before session versions existed: those are treated as ended. */
    sessionVersion?: number;
    /** Set at sign-in while the account must change the password someone else set (lib/auth/session-actor.ts). */
    mustChangePassword?: boolean;
  }
}
