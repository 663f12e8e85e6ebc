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
  }
}
