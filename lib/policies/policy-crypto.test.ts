import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors/domain-error';
import { KEY_BYTES, seal, unseal } from './policy-crypto';

describe('policy envelopes (AES-256-GCM)', () => {
  const key = randomBytes(KEY_BYTES);
  const plaintext = Buffer.from('%PDF-1.7 投标保证保险保单');

  it('opens what it sealed, and the envelope does not contain the plaintext', () => {
    const envelope = seal(key, plaintext, 'policy:BD1');
    expect(Buffer.from(envelope).includes(plaintext)).toBe(false);
    expect(Buffer.from(envelope).subarray(0, 4).toString()).toBe('BGP1');
    expect(Buffer.from(unseal(key, envelope, 'policy:BD1')).equals(plaintext)).toBe(true);
  });

  it('never seals the same plaintext to the same bytes (a fresh IV each time)', () => {
    expect(Buffer.from(seal(key, plaintext, 'a')).equals(Buffer.from(seal(key, plaintext, 'a')))).toBe(false);
  });

  it.each([
    ['a flipped ciphertext byte', (e: Buffer) => { e[e.length - 1] ^= 1; }],
    ['a flipped tag byte', (e: Buffer) => { e[20] ^= 1; }],
    ['a flipped IV byte', (e: Buffer) => { e[5] ^= 1; }],
  ])('refuses %s', (_name, tamper) => {
    const envelope = Buffer.from(seal(key, plaintext, 'policy:BD1'));
    tamper(envelope);
    expect(() => unseal(key, envelope, 'policy:BD1')).toThrow(DomainError);
    expect(() => unseal(key, envelope, 'policy:BD1')).toThrow('篡改');
  });

  it('refuses another key, another context, and what is not an envelope', () => {
    const envelope = seal(key, plaintext, 'policy:BD1');
    expect(() => unseal(randomBytes(KEY_BYTES), envelope, 'policy:BD1')).toThrow('篡改');
    expect(() => unseal(key, envelope, 'policy:BD2')).toThrow('篡改');
    expect(() => unseal(key, Buffer.from('%PDF-1.7'), 'policy:BD1')).toThrow('格式无效');
  });
});
