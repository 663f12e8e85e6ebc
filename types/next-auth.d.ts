import type { Role } from '@/db/database';

declare module 'next-auth' {
  interface User {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
  }
  interface Session {
    user: { id: string; name: string; role: Role; regionId: string | null; enterpriseId: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    regionId: string | null;
    enterpriseId: string | null;
  }
}
