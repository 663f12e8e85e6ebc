import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/auth-options';
import { handleApi } from '@/lib/http/error-response';
import { readFormBody } from '@/lib/http/read-form-body';

type Context = { params: Promise<{ nextauth: string[] }> };

// A phone number, a password, a CSRF token and a callback path.
const MAX_SIGN_IN_BODY_BYTES = 8 * 1024;

async function handler(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET };

/** next-auth reads the body itself; it gets a copy read with a cap. */
export function POST(request: NextRequest, context: Context) {
  return handleApi(async () => {
    const body = await readFormBody(request, MAX_SIGN_IN_BODY_BYTES);
    const capped = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: new Uint8Array(body) });
    return handler(capped, context);
  });
}
