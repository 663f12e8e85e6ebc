import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { secret } from '@/lib/config/secrets';
import { getDb } from '@/lib/database';
import { DomainError } from '@/lib/errors/domain-error';
import { clientAddress } from '@/lib/http/client-address';
import { authenticate } from './authenticate';
import { endSession } from './session-version';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let options: NextAuthOptions | undefined;

/** Built on first use, not at import, so that `next build` never reads secrets or opens the database. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: secret('NEXTAUTH_SECRET'),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    // Errors too: a sign-in refused without JavaScript (e.g. held back after failures) lands on our page, in Chinese.
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: '手机号密码',
        credentials: {
          phone: { label: '手机号', type: 'tel' },
          password: { label: '密码', type: 'password' },
        },
        async authorize(credentials, req) {
          const headers = new Headers(Object.entries(req.headers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
          const actor = await authenticate(await getDb(), credentials, clientAddress(headers)).catch((error: unknown) => {
            // next-auth hands a thrown message to the sign-in form as its error code.
            if (error instanceof DomainError && error.code === 'RATE_LIMITED') throw new Error('RATE_LIMITED');
            throw error;
          });
          if (!actor) return null;
          return {
            id: actor.userId,
            name: actor.name,
            role: actor.role,
            regionId: actor.regionId,
            enterpriseId: actor.enterpriseId,
            canEditRules: actor.canEditRules,
            canEditRuleValues: actor.canEditRuleValues,
            sessionVersion: actor.sessionVersion,
            mustChangePassword: actor.mustChangePassword === true,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.regionId = user.regionId;
          token.enterpriseId = user.enterpriseId;
          token.canEditRules = user.canEditRules;
          token.canEditRuleValues = user.canEditRuleValues;
          token.sessionVersion = user.sessionVersion;
          // Lets the proxy send such an account to 修改密码 without a database read; the server refuses it
          // everything else on its own (actorForRequest). Changing the password ends this token.
          token.mustChangePassword = user.mustChangePassword;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? '',
          name: token.name ?? '',
          role: token.role,
          regionId: token.regionId,
          enterpriseId: token.enterpriseId,
          canEditRules: token.canEditRules === true,
          canEditRuleValues: token.canEditRuleValues === true,
          sessionVersion: token.sessionVersion,
          mustChangePassword: token.mustChangePassword === true,
        };
        return session;
      },
    },
    events: {
      // Signing out ends the session on the server too: a copy of the token stops working at once.
      async signOut({ token }) {
        if (token?.sub && typeof token.sessionVersion === 'number') {
          await endSession(await getDb(), { userId: token.sub, sessionVersion: token.sessionVersion });
        }
      },
    },
  };
  return options;
}
