import { afterAll, beforeAll } from 'vitest';
import type { PlatformSigningAlgorithm } from '@/db/database';
import { createRecord } from '@/lib/back-office/create-record';
import type { DemoFixture } from '@/testing/demo-fixture';
import { tradingPlatformResource } from '../trading-platform-resource';
import { startFakeTradingPlatform, type FakeTradingPlatform } from './fake-trading-platform';
import { startPlatformApiServer, type PlatformApiServer } from './platform-api-server';

export interface FakeTradingPlatformRegistration {
  code: string;
  secret: string;
  name?: string;
  algorithm?: PlatformSigningAlgorithm;
  regionIds?: string[];
  /** Registers the fake platform's callback endpoint as its callback base URL. */
  withCallbacks?: boolean;
  returnUrl?: string;
}

export interface FakeTradingPlatformHandle {
  /** The guarantee platform's /api/platform/v1 and /sso on 127.0.0.1, against the fixture's database. */
  api: PlatformApiServer;
  platform: FakeTradingPlatform;
}

/**
 * For a describe block: the guarantee platform's API on a real HTTP server, a fake trading platform talking
 * to it, and that platform registered in 交易平台 by the platform administrator — from the block's first
 * hook to its last. The handle's fields are set once the hooks have run.
 */
export function useFakeTradingPlatform(f: DemoFixture, registration: FakeTradingPlatformRegistration): FakeTradingPlatformHandle {
  const handle = {} as FakeTradingPlatformHandle;
  beforeAll(async () => {
    handle.api = await startPlatformApiServer(f.db);
    handle.platform = await startFakeTradingPlatform(handle.api.url, registration.code, registration.secret, registration.algorithm);
    await createRecord(f.db, f.actors.platformAdmin, tradingPlatformResource, {
      code: registration.code,
      name: registration.name ?? '新疆公共资源交易网',
      region_ids: registration.regionIds ?? ['650100'],
      secret: registration.secret,
      ...(registration.algorithm ? { algorithm: registration.algorithm } : {}),
      ...(registration.withCallbacks ? { callback_base_url: handle.platform.callbacks.url } : {}),
      ...(registration.returnUrl ? { return_url: registration.returnUrl } : {}),
    });
  });
  afterAll(async () => {
    await handle.platform?.close();
    await handle.api?.close();
  });
  return handle;
}
