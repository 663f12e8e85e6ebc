import { createHmac, randomBytes } from 'node:crypto';
import type { PlatformSigningAlgorithm } from '@/db/database';
import { now } from '@/lib/time/clock';
import { startFakeCallbackEndpoint, type FakeCallbackEndpoint } from '@/lib/outbox/testing/fake-callback-endpoint';

export interface SignedCallOptions {
  /** Overrides, for forged or odd requests. */
  timestamp?: string;
  nonce?: string;
  signature?: string;
  secret?: string;
  platformCode?: string;
  /** Signs with another algorithm than the platform is registered for. */
  algorithm?: PlatformSigningAlgorithm;
}

export interface PlatformAnswer {
  status: number;
  code: string;
  message: string;
  data: unknown;
}

export interface FakeTradingPlatform {
  code: string;
  secret: string;
  /** Its callback endpoint (a real HTTP server on 127.0.0.1): `${callbacks.url}/guarantee-events`. */
  callbacks: FakeCallbackEndpoint;
  /** A signed call to the guarantee platform's /api/platform/v1. */
  call(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, options?: SignedCallOptions): Promise<PlatformAnswer>;
  /** The same signed call, its response as it came (a document is not in the JSON envelope). */
  send(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, options?: SignedCallOptions): Promise<Response>;
  /** An SSO token for GET /sso/{code}?token=… (payload fields may be overridden, e.g. an `exp` in the past). */
  ssoToken(payload: Record<string, unknown>, options?: { secret?: string }): string;
  close(): Promise<void>;
}

/**
 * For tests: a trading platform speaking the signed protocol of docs/trading-platform-interface.md. It
 * calls the guarantee platform (`apiUrl`) and receives its callbacks on a real HTTP server of its own.
 */
export async function startFakeTradingPlatform(apiUrl: string, code: string, secret: string, algorithm: PlatformSigningAlgorithm = 'sha256'): Promise<FakeTradingPlatform> {
  const callbacks = await startFakeCallbackEndpoint(secret, algorithm);
  const platform: FakeTradingPlatform = {
    code,
    secret,
    callbacks,
    async call(method, path, body, options = {}) {
      const response = await platform.send(method, path, body, options);
      const answer = (await response.json()) as Omit<PlatformAnswer, 'status'>;
      return { status: response.status, ...answer };
    },
    async send(method, path, body, options = {}) {
      const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      const timestamp = options.timestamp ?? String(Math.floor(now().getTime() / 1000));
      const nonce = options.nonce ?? randomBytes(16).toString('hex');
      const signature = options.signature ?? createHmac(options.algorithm ?? algorithm, options.secret ?? secret).update(`${timestamp}.${nonce}.${raw}`).digest('hex');
      return fetch(`${apiUrl}/api/platform/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-platform-code': options.platformCode ?? code,
          'x-timestamp': timestamp,
          'x-nonce': nonce,
          'x-signature': signature,
        },
        body: method === 'GET' ? undefined : raw,
      });
    },
    ssoToken(payload, options = {}) {
      const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
      return `${encoded}.${createHmac(algorithm, options.secret ?? secret).update(encoded).digest('hex')}`;
    },
    close: () => callbacks.close(),
  };
  return platform;
}
