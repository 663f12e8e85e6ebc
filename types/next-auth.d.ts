import type { Role } from '@/db/database';

declare module 'next-auth' {
  interface User {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
    canEditRules: boolean;
    canEditRuleValues: boolean;
  }
  interface Session {
    user: { id: string; name: string; role: Role; regionId: string | null; enterpriseId: string | null; canEditRules: boolean; canEditRuleValues: boolean };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
    canEditRules?: boolean;
    canEditRuleValues?: boolean;
  }
}
