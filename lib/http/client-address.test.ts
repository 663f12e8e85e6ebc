import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('the client address behind a proxy', () => {
  it('takes the entry the nearest proxy appended, never one the client wrote', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
  });

  it('falls back to X-Real-IP, then to one shared bucket', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '203.0.113.10' }))).toBe('203.0.113.10');
    expect(clientAddress(new Headers())).toBe('unknown');
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' , ' }))).toBe('unknown');
  });
});
