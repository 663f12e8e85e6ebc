import type { Kysely, Transaction } from 'kysely';
import type { Database, PlatformSigningAlgorithm } from '@/db/database';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { declaredList } from '@/lib/back-office/declared-list';
import { requirePlatformAdmin } from '@/lib/auth/require-platform-admin';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { uuid } from '@/lib/validation/fields';
import {
  tradingPlatformCreateSchema, tradingPlatformUpdateSchema, type TradingPlatformCreate, type TradingPlatformUpdate,
} from './trading-platform-input';

/** A trading platform as the back office reads it: everything but its secret. */
export interface TradingPlatformRecord {
  id: string;
  code: string;
  name: string;
  region_ids: string[];
  algorithm: PlatformSigningAlgorithm;
  callback_base_url: string | null;
  return_url: string | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  /** The platform's own record: only a platform administrator reads or writes it. */
  region_id: null;
}

function selectPlatforms(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('trading_platforms')
    .select(['id', 'code', 'name', 'region_ids', 'algorithm', 'callback_base_url', 'return_url', 'enabled', 'created_at', 'updated_at'])
    .select((eb) => eb.val(null).as('region_id'));
}

const findPlatform = async (db: Kysely<Database> | Transaction<Database>, id: string) =>
  (await selectPlatforms(db).where('id', '=', id).executeTakeFirst()) as TradingPlatformRecord | undefined;

async function assertRegionsExist(trx: Transaction<Database>, regionIds: string[]): Promise<void> {
  const found = await trx.selectFrom('regions').select('id').where('id', 'in', regionIds).execute();
  const missing = regionIds.filter((id) => !found.some((r) => r.id === id));
  if (missing.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `区域 ${missing.join('、')} 不存在`, { region_ids: `区域 ${missing.join('、')} 不存在` });
  }
}

/**
 * 交易平台: the public-resource trading platforms that push projects, hand bidders over and take callbacks
 * (docs/trading-platform-interface.md). A platform administrator registers them; the shared secret is
 * written and never shown again (the answer, the list and the audit chain leave it out), a new one replaces it.
 * There is no deletion: projects and enterprises name the platform; a retired one is disabled.
 */
export const tradingPlatformResource: ResourceDefinition<TradingPlatformRecord, TradingPlatformCreate, TradingPlatformUpdate> = {
  name: 'trading-platforms',
  entityType: 'trading_platform',
  label: '交易平台',
  idSchema: uuid('交易平台'),
  defaultSort: 'code',

  list: declaredList({
    from: selectPlatforms,
    id: 'id',
    // Only platform administrators read it (authorizeRead), and they read every region.
    region: 'everyone',
    filters: { enabled: { column: 'enabled', type: 'boolean' } },
    search: ['code', 'name'],
    sortable: { code: 'code', name: 'name', enabled: 'enabled', updated_at: 'updated_at' },
  }),

  findById: (db, id) => findPlatform(db, String(id)),

  authorizeRead: (actor) => requirePlatformAdmin(actor, '查看交易平台'),
  authorizeWrite: (actor) => requirePlatformAdmin(actor, '管理交易平台'),

  create: {
    schema: tradingPlatformCreateSchema,
    regionOf: async () => null,
    async insert(trx, input) {
      const taken = await trx.selectFrom('trading_platforms').select('name').where('code', '=', input.code).executeTakeFirst();
      if (taken) {
        const message = `平台编码 ${input.code} 已被「${taken.name}」使用`;
        throw new DomainError('CONFLICT', message, { code: message });
      }
      await assertRegionsExist(trx, input.region_ids);
      const row = await trx.insertInto('trading_platforms').values({ ...input, updated_at: now() }).returning('id').executeTakeFirstOrThrow();
      return (await findPlatform(trx, row.id))!;
    },
  },

  update: {
    schema: tradingPlatformUpdateSchema,
    reasonRequiredFor: (_existing, input) => (input.secret ? '更换共享密钥' : null),
    async apply(trx, existing, { reason: _reason, secret, ...changes }) {
      if (changes.region_ids) await assertRegionsExist(trx, changes.region_ids);
      await trx
        .updateTable('trading_platforms')
        .set({ ...changes, ...(secret ? { secret } : {}), updated_at: now() })
        .where('id', '=', existing.id)
        .execute();
      return (await findPlatform(trx, existing.id))!;
    },
  },
};
