import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoFixture } from '@/testing/demo-fixture';
import { useDemoFixture } from '@/testing/use-database';
import { testDatabaseKinds } from '@/testing/test-database';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { parseListParams } from '@/lib/back-office/list-params';
import { listRecords } from '@/lib/back-office/list-records';
import { backOfficeResource, backOfficeResourceNames } from '@/lib/back-office/resource-registry';
import { enqueue } from '@/lib/outbox/enqueue';

/**
 * Every route handler under app/api, found on disk so a new route is covered without touching this file,
 * called with bad input — wrong types, missing fields, huge strings, deep nesting, odd unicode, invalid ids
 * and dates, the wrong content type — as every kind of caller. Whatever it is sent, a route answers a 4xx
 * (or a success) with a stable code and a Chinese message, never a 5xx.
 */

const state = vi.hoisted(() => ({ db: undefined as unknown as Kysely<Database>, actor: null as Actor | null }));

// The database and the signed-in actor are the request's context; next-auth's cookie reading needs a
// running Next.js server, so the actor is handed in directly (sign-in has its own tests).
vi.mock('@/lib/database', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/current-actor', async () => {
  const { DomainError } = await import('@/lib/errors/domain-error');
  return {
    currentActor: async () => state.actor,
    requireActor: async () => {
      if (!state.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
      return state.actor;
    },
  };
});

const API_DIR = path.resolve(import.meta.dirname);

/**
 * next-auth's own routes read cookies through Next.js's request context, which only a running server has;
 * the gate in front of them (content type and size) is covered below, the rest by the browser tests.
 */
const NEEDS_A_SERVER = new Set(['auth/[...nextauth]/route.ts']);

const routeFiles = (fs.readdirSync(API_DIR, { recursive: true }) as string[])
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('/route.ts') && !NEEDS_A_SERVER.has(file))
  .sort();

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const BAD_IDS = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999999',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '2026-13-45',
  '2026-02-30',
  '0000-00-00',
  "1' or '1'='1",
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '\u202e𠀀',
  'x'.repeat(10_000),
];

const CJK = /[\u4e00-\u9fff]/;

type Body = { label: string; type?: string; body?: BodyInit };
const json = (label: string, value: unknown): Body => ({ label, type: 'application/json', body: JSON.stringify(value) });
const raw = (label: string, type: string | undefined, body: BodyInit): Body => ({ label, type, body });

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Built as text: JSON.stringify itself would run out of stack on it. */
const deepText = (depth: number) => '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);

const ODD_VALUES: unknown[] = [null, '', 'x'.repeat(20_000), -1, 1e308, 2026.5, true, {}, [], ['x'], { a: 1 }, '2026-02-30', '\u0000', '\ud800', '\u202e\ufeff𠀀'];

/** Bodies any route might be sent, whatever it expects. */
const GENERIC_BODIES: Body[] = [
  { label: 'no body' },
  raw('empty JSON', 'application/json', ''),
  raw('malformed JSON', 'application/json', '{"a":'),
  raw('not UTF-8', 'application/json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  json('null', null),
  json('array', []),
  json('string', 'x'),
  json('number', 42),
  json('empty object', {}),
  json('unknown fields', { a: 1, __proto__x: 2 }),
  raw('__proto__', 'application/json', '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}'),
  json('wrong types', { reason: 123, year: 'x', document: 'x', schema: 'x', uiSchema: 7, is_working_day: 'yes', note: 5, name: [], orderNumber: {}, decision: 42, at: 'later', facts: 'x', day: 20260230 }),
  json('nulls', { reason: null, year: null, document: null, schema: null, decision: null, at: null, facts: null, day: null, orderNumber: null }),
  json('odd unicode', { reason: '\u0000\ud800\u202e𠀀\ufeff', name: '\u0000', note: '\ud83d', orderNumber: '\u0000' }),
  json('huge string', { reason: '中'.repeat(300_000), name: 'x'.repeat(500_000) }),
  raw('over the size cap', 'application/json', JSON.stringify({ reason: 'x'.repeat(1_100_000) })),
  json('nested under the depth cap', { document: nested(60), schema: nested(60), facts: nested(60) }),
  raw('nested deep', 'application/json', `{"document":${deepText(5_000)},"schema":${deepText(5_000)},"facts":${deepText(5_000)}}`),
  json('bad dates and years', { year: 99999, day: '2026-02-30', at: '2026-13-45T99:00:00Z', bankTime: 'yesterday' }),
  json('year as float', { year: 2026.5 }),
  json('year huge', { year: 1e20 }),
  json('decision odd', { decision: 'approve', reason: '' }),
  json('staff and region fields of the wrong kind', { display_name: [], phone: 13900000099, role: {}, region_id: 650100, rule_permission: true, parent_id: [], id: {} }),
  json('staff account with odd values', { display_name: '\u202e', phone: '1390000009９', role: 'bidder', region_id: '650100', rule_permission: 'all' }),
  // 投保企业's commands: 企业认证审核 (approve, reject with a reason) and 修正基本户.
  json('basic account wrong types', { basic_account_bank: 1, basic_account_name: [], basic_account_number: 30020123, reason: {} }),
  json('basic account nulls', { basic_account_bank: null, basic_account_name: null, basic_account_number: null, reason: null }),
  json('basic account odd', { basic_account_bank: '\u202e', basic_account_name: '𠀀'.repeat(200), basic_account_number: '1'.repeat(40), reason: 'x' }),
  json('basic account with spaces only', { basic_account_bank: ' ', basic_account_name: ' ', basic_account_number: '  ', reason: '  ' }),
  raw('CSV garbage', 'text/csv', new Uint8Array([0xff, 0x00, 0x81, 0x0a, 0x2c, 0x2c])),
  raw('CSV header only', 'text/csv; charset=utf-8', '\ufeff交易流水号,交易时间\n'),
  raw('form urlencoded', 'application/x-www-form-urlencoded', 'a=b&reason=%00'),
  raw('broken multipart', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'),
  raw('multipart without boundary', 'multipart/form-data', 'whatever'),
  raw('plain text', 'text/plain', 'hello'),
];

function multipartBodies(): Body[] {
  const notPdf = new FormData();
  notPdf.set('invoice_number', '\u0000');
  notPdf.set('file', new Blob(['not a pdf']), 'x.pdf');
  const wrongFields = new FormData();
  wrongFields.set('invoice_number', 'x'.repeat(10_000));
  wrongFields.set('carrier', '');
  wrongFields.set('tracking_number', '\ud800');
  return [
    { label: 'multipart not a PDF', body: notPdf },
    { label: 'multipart wrong fields', body: wrongFields },
    { label: 'multipart empty', body: new FormData() },
  ];
}

/** A real record's fields one at a time replaced by values of the wrong kind. */
function mutations(record: Record<string, unknown>): Body[] {
  const bodies: Body[] = [json('the record itself', record)];
  for (const key of Object.keys(record)) {
    for (const [i, value] of ODD_VALUES.entries()) bodies.push(json(`${key} = odd #${i}`, { ...record, [key]: value }));
  }
  return bodies;
}

const BAD_QUERIES = [
  '',
  '?sort=x&range=y&filter=z',
  '?sort=["id","SIDEWAYS"]',
  '?sort=["no_such_field","ASC"]',
  '?range=[5,1]',
  '?range=[0,100000000000]',
  '?range=[-1,"a"]',
  '?filter={"id":[{}]}',
  '?filter={"id":"2026-02-30"}',
  '?filter={"q":"\u0000"}',
  '?filter={"year":"2026-13","month":"13"}',
  '?filter={"year":"2026","month":"2"}',
  '?filter={"region_id":{"a":1},"status":[1,2],"is_working_day":"x","created_at_gte":"yesterday"}',
  `?filter=${encodeURIComponent(deepText(5_000))}`,
  '?bank=\u0000&name=' + 'x'.repeat(5_000),
  '?bank=demo',
];

interface Case {
  file: string;
  method: string;
  params: Record<string, string>;
  url: string;
  body: Body;
  actor: keyof DemoFixture['actors'] | null;
}

async function call(handler: Handler, c: Case): Promise<Response> {
  state.actor = c.actor ? fixture.actors[c.actor] : null;
  const headers = new Headers(c.body.type ? { 'content-type': c.body.type } : {});
  const hasBody = c.method !== 'GET' && c.method !== 'HEAD' && c.body.body !== undefined;
  const request = new NextRequest(c.url, { method: c.method, headers, body: hasBody ? c.body.body : undefined });
  return handler(request, { params: Promise.resolve(c.params) });
}

const describeCase = (c: Case) => `${c.method} ${c.url.slice(0, 160)} [${c.body.label}] as ${c.actor ?? 'anonymous'}`;

async function expectSafeAnswer(response: Response, c: Case, failures: string[]) {
  const text = await response.text();
  if (response.status >= 500) {
    failures.push(`${describeCase(c)} → ${response.status} ${text.slice(0, 200)}`);
    return;
  }
  if (response.status < 400) return;
  let answer: { code?: unknown; message?: unknown } | null = null as { code?: unknown; message?: unknown } | null;
  try {
    answer = JSON.parse(text) as { code?: unknown; message?: unknown };
  } catch {
    // Reported below.
  }
  if (typeof answer?.code !== 'string' || typeof answer.message !== 'string' || !CJK.test(answer.message)) {
    failures.push(`${describeCase(c)} → ${response.status} without a code and a Chinese message: ${text.slice(0, 200)}`);
  }
}

let fixture: DemoFixture;
const realIds = new Map<string, string[]>();
const realRecords = new Map<string, Record<string, unknown>>();

// Which resource an `[id]` outside /api/admin names, by the path segment before it.
const ID_RESOURCE: Record<string, string> = {
  invoices: 'invoices',
  'rules/versions': 'rule-versions',
  'forms/versions': 'form-versions',
};

describe.each(testDatabaseKinds)('every route handler on bad input (%s)', (kind) => {
  const demo = useDemoFixture(kind);
  beforeAll(async () => {
    fixture = demo;
    state.db = fixture.db;
    // The outbox is empty in the demo data: a failing message and a mail in the mailbox give 推送记录's
    // 立即重试 and 邮件 real records to be called on.
    await fixture.db.transaction().execute(async (trx) => {
      const id = await enqueue(trx, {
        kind: 'email', destination: 'bid@tianshan-jianshe.example.cn', orderingKey: null, summary: '测试邮件',
        payload: { subject: '测试邮件', text: '正文', html: '<p>正文</p>', attachments: [] }, regionId: '650100',
      });
      await trx.updateTable('outbox_messages').set({ attempts: 1, last_error: '邮件服务器未接受：550', last_response_code: 550 }).where('id', '=', id).execute();
      await trx.insertInto('mailbox_messages').values({
        outbox_message_id: id, from_address: 'no-reply@localhost', to_address: 'bid@tianshan-jianshe.example.cn', subject: '测试邮件',
        text_body: '正文', html_body: '<p>正文</p>', attachments: '[]', region_id: '650100', delivered_at: new Date(),
      }).execute();
    });
    for (const name of backOfficeResourceNames()) {
      const resource = backOfficeResource(name);
      const list = await listRecords(fixture.db, fixture.actors.platformAdmin, resource, parseListParams(new URLSearchParams(), resource.defaultSort));
      realIds.set(name, list.rows.slice(0, 2).map((row) => String((row as { id: unknown }).id)));
      if (list.rows[0]) realRecords.set(name, list.rows[0] as unknown as Record<string, unknown>);
    }
  }, 120_000);

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('finds the route handlers', () => {
    expect(routeFiles.length).toBeGreaterThan(15);
    expect(routeFiles).toContain('admin/[resource]/[id]/route.ts');
  });

  it('calls the commands of 投保企业 among every resource\'s commands', () => {
    expect(Object.keys(backOfficeResource('enterprises').commands ?? {})).toEqual(['approve', 'reject', 'correctBasicAccount']);
  });

  it.each(routeFiles)('%s answers a 4xx with a code and a Chinese message, never a 5xx', async (file) => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    const module = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const failures: string[] = [];
    const segments = file.replace(/\/route\.ts$/, '').split('/');
    const resources = segments.includes('[resource]') ? backOfficeResourceNames() : [undefined];
    // A record's command route is called with each command of the resource, and one it does not have.
    const targets = resources.flatMap((resource): { resource: string | undefined; command: string | undefined }[] =>
      segments.includes('[command]')
        ? [...Object.keys(backOfficeResource(resource!).commands ?? {}), 'no-such-command'].map((command) => ({ resource, command }))
        : [{ resource, command: undefined }],
    );
    for (const { resource, command } of targets) {
      const idOwner = resource ?? ID_RESOURCE[segments.slice(0, segments.indexOf('[id]')).join('/')];
      const ids = segments.includes('[id]') ? [...(idOwner ? (realIds.get(idOwner) ?? []) : []), ...BAD_IDS] : [undefined];
      for (const id of ids) {
        const params: Record<string, string> = {};
        if (resource) params.resource = resource;
        if (id !== undefined) params.id = id;
        if (command !== undefined) params.command = command;
        const pathname = segments
          .map((s) => (s === '[resource]' ? resource : s === '[id]' ? encodeURIComponent((id ?? '').toWellFormed()) : s === '[command]' ? command : s))
          .join('/');
        const isRealId = id !== undefined && !BAD_IDS.includes(id);
        // A record's fields, each replaced by a value of the wrong kind, are sent for the first real record only:
        // the second one answers the same code for the same body, and the pairs grew with every resource.
        for (const method of METHODS) {
          const handler = module[method];
          if (!handler) continue;
          const reads = method === 'GET' || method === 'DELETE';
          const bodies: Body[] = reads
            ? [{ label: 'none' }]
            : id === undefined || isRealId || id === BAD_IDS[1]
              ? [...GENERIC_BODIES, ...multipartBodies(), ...(id === ids[0] && isRealId && idOwner && realRecords.has(idOwner) ? mutations(realRecords.get(idOwner)!) : [])]
              : [json('empty object', {}), GENERIC_BODIES[2]!];
          const queries = method === 'GET' && id === undefined ? BAD_QUERIES : method === 'POST' && id === undefined ? ['', '?bank=demo&name=\u0000', '?bank=' + '中'.repeat(3000)] : [''];
          for (const query of queries) {
            for (const body of bodies) {
              const actors: Case['actor'][] = body.label.includes(' = odd ') ? ['operator', 'platformAdmin'] : [null, 'bidder', 'operator', 'compliance', 'platformAdmin'];
              for (const actor of actors) {
                const c: Case = { file, method, params, url: `http://localhost/api/${pathname}${query}`, body, actor };
                try {
                  await expectSafeAnswer(await call(handler, c), c, failures);
                } catch (error) {
                  failures.push(`${describeCase(c)} threw ${(error as Error).stack?.slice(0, 300)}`);
                }
              }
            }
          }
        }
      }
    }
    errorLog.mockRestore();
    expect(distinct(failures).slice(0, 60), `${failures.length} bad answers`).toEqual([]);
  }, 600_000);
});

/** One failure per route, body and status: the same fault seen with every id and actor is one fault. */
function distinct(failures: string[]): string[] {
  const seen = new Map<string, string>();
  for (const failure of failures) {
    const key = failure.replace(/ as \w+ /, ' ').replace(/\/[0-9a-f-]{36}/g, '/<id>');
    if (!seen.has(key)) seen.set(key, failure);
  }
  return [...seen.values()];
}
