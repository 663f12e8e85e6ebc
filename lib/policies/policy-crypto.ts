import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@/lib/errors/domain-error';

/**
 * AES-256-GCM envelopes: `BGP1` | 12-byte IV | 16-byte tag | ciphertext. The associated data binds an
 * envelope to what it is for (a policy number, a section id), so a sealed policy cannot be passed off
 * as another's and a wrapped key cannot be moved to another section.
 */
const MAGIC = Buffer.from('BGP1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export function seal(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]);
}

export function unseal(key: Uint8Array, envelope: Uint8Array, associatedData: string): Uint8Array {
  const bytes = Buffer.from(envelope);
  const headerBytes = MAGIC.length + IV_BYTES + TAG_BYTES;
  if (bytes.length < headerBytes || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new DomainError('SEAL_BROKEN', '加密文件格式无效');
  }
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = bytes.subarray(MAGIC.length + IV_BYTES, headerBytes);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(bytes.subarray(headerBytes)), decipher.final()]);
  } catch {
    // GCM refuses any changed byte: the file was tampered with, or sealed with another key.
    throw new DomainError('SEAL_BROKEN', '加密文件校验失败，文件可能已被篡改');
  }
}
