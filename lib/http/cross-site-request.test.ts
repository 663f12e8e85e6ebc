import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { assertSameOrigin } from './cross-site-request';

const request = (method: string, headers: Record<string, string>, url = 'http://bg.example/api/x') => ({ method, url, headers: new Headers(headers) });
const refused = (r: ReturnType<typeof request>) => {
  try {
    assertSameOrigin(r);
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('the same-origin check on state-changing requests', () => {
  it.each([
    ['another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain (same-site is not same-origin)', { origin: 'https://evil.bg.example', 'sec-fetch-site': 'same-site', host: 'bg.example' }],
    ['same-site even without Origin', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin without fetch metadata', { origin: 'https://evil.example', host: 'bg.example' }],
    ['an opaque Origin', { origin: 'null', host: 'bg.example' }],
    ['another port', { origin: 'http://bg.example:8080', host: 'bg.example' }],
  ])('refuses %s', (_label, headers) => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(refused(request(method, headers))).toBe('CROSS_SITE_REFUSED');
  });

  it.each([
    ['the site itself', { origin: 'http://bg.example', 'sec-fetch-site': 'same-origin', host: 'bg.example' }],
    ['the site behind a reverse proxy', { origin: 'https://bg.example', host: '10.0.0.5:3000', 'x-forwarded-host': 'bg.example' }],
    ['a program sending neither header (a bank, curl)', {}],
    ['a user typing the address (none)', { 'sec-fetch-site': 'none' }],
  ])('lets %s through', (_label, headers) => {
    expect(refused(request('POST', headers))).toBeNull();
  });

  it('never checks reads', () => {
    expect(refused(request('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBeNull();
  });

  it('says so in Chinese', () => {
    expect(() => assertSameOrigin(request('POST', { 'sec-fetch-site': 'cross-site' }))).toThrow('不接受来自其他网站的请求');
  });
});
