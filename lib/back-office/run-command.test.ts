import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectRefusal } from '@/lib/errors/testing/expect-refusal';
import { mayWrite } from '@/lib/auth/authorize';
import { useDemoFixture } from '@/testing/use-database';
import type { AnyResource } from './resource-definition';
import { runCommand } from './run-command';

/** A resource of one command, to see what the convention does around any command. */
function echoResource(ran: string[]): AnyResource {
  return {
    name: 'echoes',
    entityType: 'echo',
    label: '回声',
    idSchema: z.string(),
    defaultSort: 'id',
    list: async () => ({ rows: [], total: 0 }),
    findById: async (_db, id) => ({ id, region_id: '650100' }),
    allowedActions: (record, actor) => (mayWrite(actor, record.region_id) ? ['ring'] : []),
    commands: {
      ring: {
        run: async (_db, actor, id, input) => {
          ran.push(`${actor.name}:${id}:${JSON.stringify(input.body)}`);
          return { id, region_id: '650100' };
        },
      },
    },
  };
}

describe('back-office commands', () => {
  const f = useDemoFixture('pglite');

  it('runs the named command and answers the record with what may be done next', async () => {
    const ran: string[] = [];
    const answer = await runCommand(f.db, f.actors.operator, echoResource(ran), 'e1', 'ring', { body: { n: 1 } });
    expect(answer).toEqual({ id: 'e1', region_id: '650100', allowed_actions: ['ring'] });
    expect(ran).toEqual([`${f.actors.operator.name}:e1:{"n":1}`]);
  });

  it('refuses a command the resource does not have, a read-only role and a bidder, before running anything', async () => {
    const ran: string[] = [];
    const resource = echoResource(ran);
    expect(await expectRefusal(runCommand(f.db, f.actors.operator, resource, 'e1', 'toString', { body: {} }))).toMatchObject({
      code: 'NOT_FOUND',
      message: '回声没有「toString」操作',
    });
    expect((await expectRefusal(runCommand(f.db, f.actors.compliance, resource, 'e1', 'ring', { body: {} }))).code).toBe('READ_ONLY_ROLE');
    expect((await expectRefusal(runCommand(f.db, f.actors.bidder, resource, 'e1', 'ring', { body: {} }))).code).toBe('FORBIDDEN');
    expect(ran).toEqual([]);
  });

  it('says the same as assertCanWrite about who may write where', () => {
    const { operator, compliance, platformAdmin: admin, bidder } = f.actors;
    expect([operator, compliance, admin, bidder].map((actor) => [mayWrite(actor, operator.regionId), mayWrite(actor, '999999'), mayWrite(actor, null)])).toEqual([
      [true, false, false],
      [false, false, false],
      [true, true, true],
      [false, false, false],
    ]);
  });
});
