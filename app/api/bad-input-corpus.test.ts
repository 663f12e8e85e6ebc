import { randomBytes } from 'node:crypto';
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
import { createRecord } from '@/lib/back-office/create-record';
import { enqueue } from '@/lib/outbox/enqueue';
import { platformSignature } from '@/lib/trading-platforms/platform-signature';
import { badProjectEvents, badProjectPushes } from '@/lib/trading-platforms/testing/signed-bad-bodies';
import { tradingPlatformResource } from '@/lib/trading-platforms/trading-platform-resource';

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

/**
 * The trading platforms' routes (app/api/platform/v1) are sent the bad input above unsigned, and refuse it
 * on the headers. Here they are sent it SIGNED by a registered platform, so it reaches the parsing: each
 * answers the interface's code for it (docs/trading-platform-interface.md), never a 5xx, and writes nothing.
 */
const PLATFORM = { code: 'corpus-platform', secret: 'corpus-platform-shared-secret-0123456789abcdef' };
const PLATFORM_DIR = 'platform/v1/';
const platformRouteFiles = routeFiles.filter((file) => file.startsWith(PLATFORM_DIR));

/** Written by no refused request (a signed read claims its nonce, and only that). */
const PLATFORM_TABLES = ['projects', 'sections', 'project_events', 'platform_event_receipts', 'audit_events', 'outbox_messages', 'enterprises', 'users'] as const;

interface SignedCase {
  method: 'GET' | 'PUT' | 'POST';
  params: Record<string, string>;
  path: string;
  label: string;
  type?: string;
  body?: string | Uint8Array;
  /** The codes the interface answers it with. */
  codes: string[];
}

const DAY = 24 * 60 * 60 * 1000;
const validPush = () => ({
  name: '乌鲁木齐市坏输入测试工程', type: 'construction', regionCode: '650100', tenderer: '乌鲁木齐市城建局', agency: '新疆招标代理有限公司', revision: 1,
  sections: [{ code: '01', name: '一标段', depositFen: 1_000_000, depositDeadline: new Date(Date.now() + 9 * DAY).toISOString(), bidOpeningAt: new Date(Date.now() + 10 * DAY).toISOString() }],
});
const validEvent = () => ({ eventId: `corpus-${randomBytes(8).toString('hex')}`, kind: 'status', status: 'suspended', reason: '投诉处理，项目中止', occurredAt: new Date().toISOString() });
const BAD_PROJECT_CODES = ['', ' ', '\u0000', '\ud800', 'x'.repeat(51), '项目一', 'a b', '\u202e𠀀', 'x'.repeat(10_000)];
const BAD_QUERIES_OF_GUARANTEES = [
  '', '?sectionCode=01', '?uscc=91650100MA78A1B2C3', '?sectionCode=&uscc=', `?sectionCode=${'x'.repeat(5_000)}&uscc=91650100MA78A1B2C3`,
  `?sectionCode=01&uscc=${'9'.repeat(5_000)}`, '?sectionCode=%00&uscc=%00', '?sectionCode=01&uscc=%00', '?sectionCode[]=01&uscc={}',
];
/** The generic bodies that are bytes or text (a platform sends JSON; multipart is no part of the interface). */
const signedGenericBodies = () => GENERIC_BODIES.filter((b) => b.body === undefined || typeof b.body === 'string' || b.body instanceof Uint8Array);
const BODY_CODES = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'];

function signedCases(file: string): SignedCase[] {
  const route = file.slice(PLATFORM_DIR.length);
  const bodies = (path: string, params: Record<string, string>, method: 'PUT' | 'POST', bad: { label: string; raw: string }[]): SignedCase[] => [
    ...signedGenericBodies().map((b) => ({ method, params, path, label: b.label, type: b.type, body: b.body as string | Uint8Array | undefined, codes: BODY_CODES })),
    ...bad.map((b) => ({ method, params, path, label: b.label, type: 'application/json', body: b.raw, codes: ['VALIDATION_FAILED'] })),
  ];
  switch (route) {
    case 'projects/[projectCode]/route.ts':
      return [
        // A pushed project and a new one: the body is parsed before either is looked up, so the mutations go to one.
        ...bodies('projects/XJ-CORPUS', { projectCode: 'XJ-CORPUS' }, 'PUT', badProjectPushes(validPush())),
        ...bodies('projects/XJ-CORPUS-NEW', { projectCode: 'XJ-CORPUS-NEW' }, 'PUT', []),
        ...BAD_PROJECT_CODES.map((code) => ({
          method: 'PUT' as const, params: { projectCode: code }, path: `projects/${encodeURIComponent(code.toWellFormed())}`, label: `project code ${JSON.stringify(code.slice(0, 20))}`,
          type: 'application/json', body: JSON.stringify(validPush()), codes: ['VALIDATION_FAILED'],
        })),
      ];
    case 'projects/[projectCode]/events/route.ts':
      return [
        ...bodies('projects/XJ-CORPUS/events', { projectCode: 'XJ-CORPUS' }, 'POST', badProjectEvents(validEvent())),
        ...[...BAD_PROJECT_CODES, 'XJ-NO-SUCH-PROJECT'].map((code) => ({
          method: 'POST' as const, params: { projectCode: code }, path: `projects/${encodeURIComponent(code.toWellFormed())}/events`, label: `project code ${JSON.stringify(code.slice(0, 20))}`,
          type: 'application/json', body: JSON.stringify(validEvent()), codes: ['NOT_FOUND', 'VALIDATION_FAILED'],
        })),
      ];
    case 'guarantees/route.ts':
      return BAD_QUERIES_OF_GUARANTEES.map((query) => ({ method: 'GET', params: {}, path: `guarantees${query}`, label: `query ${query.slice(0, 40)}`, codes: ['VALIDATION_FAILED'] }));
    case 'guarantees/[policyNumber]/document/route.ts':
      return [...BAD_IDS, 'BD2099010100000000'].map((id) => ({
        method: 'GET', params: { policyNumber: id }, path: `guarantees/${encodeURIComponent(id.toWellFormed())}/document`, label: `policy number ${JSON.stringify(id.slice(0, 20))}`,
        codes: ['NOT_FOUND', 'VALIDATION_FAILED'],
      }));
    default:
      throw new Error(`${file}: a platform route the signed corpus does not know — add its bad input to signedCases`);
  }
}

function signedRequest(c: SignedCase): NextRequest {
  // Signed as sent: the bytes themselves (a BOM and bytes that are no UTF-8 included).
  const raw = c.body ?? '';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const headers = new Headers({
    'x-platform-code': PLATFORM.code, 'x-timestamp': timestamp, 'x-nonce': nonce,
    'x-signature': platformSignature('sha256', PLATFORM.secret, timestamp, nonce, raw),
  });
  if (c.type) headers.set('content-type', c.type);
  return new NextRequest(`http://localhost/api/${PLATFORM_DIR}${c.path}`, { method: c.method, headers, body: c.method === 'GET' ? undefined : (c.body as BodyInit | undefined) });
}

async function platformRowCounts(db: Kysely<Database>) {
  const counts: Record<string, number> = {};
  for (const table of [...PLATFORM_TABLES, 'platform_nonces'] as const) {
    counts[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return counts;
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
    // Registered after the records above are read, so the back-office cases stay as they were.
    await createRecord(fixture.db, fixture.actors.platformAdmin, tradingPlatformResource, { code: PLATFORM.code, name: '坏输入测试交易平台', region_ids: ['650100'], secret: PLATFORM.secret });
    const { PUT } = (await import('./platform/v1/projects/[projectCode]/route')) as unknown as { PUT: Handler };
    const pushed = await PUT(signedRequest({ method: 'PUT', params: {}, path: 'projects/XJ-CORPUS', label: 'valid', type: 'application/json', body: JSON.stringify(validPush()), codes: [] }), { params: Promise.resolve({ projectCode: 'XJ-CORPUS' }) });
    expect(await pushed.json()).toMatchObject({ code: 'OK' });
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

  it('sends each trading-platform route signed bad input of its own kind', () => {
    expect(platformRouteFiles).toEqual([
      'platform/v1/guarantees/[policyNumber]/document/route.ts',
      'platform/v1/guarantees/route.ts',
      'platform/v1/projects/[projectCode]/events/route.ts',
      'platform/v1/projects/[projectCode]/route.ts',
    ]);
    const labels = platformRouteFiles.flatMap((file) => signedCases(file).map((c) => c.label));
    // Wrong types, missing and extra fields, odd unicode and huge strings are all among what is sent.
    for (const label of ['revision = odd #9', 'name missing', 'extra field', 'sections[0] extra field', 'sections[0].depositFen = odd #2', 'reason = odd #19', 'name = odd #3', 'huge string', 'kind = odd #10']) {
      expect(labels).toContain(label);
    }
  });

  it.each(platformRouteFiles)('%s answers signed bad input with the interface\'s code, never a 5xx, and writes nothing', async (file) => {
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => {});
    const module = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Partial<Record<SignedCase['method'], Handler>>;
    const cases = signedCases(file);
    const before = await platformRowCounts(fixture.db);
    const failures: string[] = [];
    for (const c of cases) {
      const handler = module[c.method];
      if (!handler) {
        failures.push(`${c.method} ${file}: no handler`);
        continue;
      }
      const described = `${c.method} ${c.path.slice(0, 120)} [${c.label}]`;
      try {
        const response = await handler(signedRequest(c), { params: Promise.resolve(c.params) });
        const text = await response.text();
        let answer = null as { code?: unknown; message?: unknown; data?: unknown } | null;
        try {
          answer = JSON.parse(text) as typeof answer;
        } catch {
          // Reported below.
        }
        if (response.status < 400 || response.status >= 500 || !c.codes.includes(String(answer?.code)) || typeof answer?.message !== 'string' || !CJK.test(answer.message) || !('data' in answer)) {
          failures.push(`${described} → ${response.status} ${text.slice(0, 200)} (expected ${c.codes.join(' or ')})`);
        }
      } catch (error) {
        failures.push(`${described} threw ${(error as Error).stack?.slice(0, 300)}`);
      }
    }
    errorLog.mockRestore();
    expect(failures.slice(0, 40), `${failures.length} of ${cases.length} bad answers`).toEqual([]);
    const after = await platformRowCounts(fixture.db);
    const reads = cases.filter((c) => c.method === 'GET').length;
    expect(after).toEqual({ ...before, platform_nonces: before.platform_nonces! + reads });
  }, 120_000);
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
