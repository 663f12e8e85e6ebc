import { KEY_BYTES } from './policy-crypto';
import { secret } from '@/lib/config/secrets';

/**
 * The key that wraps every section key: POLICY_MASTER_KEY (32 bytes, base64 or base64url) from the
 * environment; in the embedded mode a generated one kept under the data directory.
 */
export function policyMasterKey(): Uint8Array {
  const encoded = secret('POLICY_MASTER_KEY');
  const key = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`POLICY_MASTER_KEY 必须是 ${KEY_BYTES} 字节的 base64 编码密钥（当前 ${key.length} 字节）`);
  return key;
}
