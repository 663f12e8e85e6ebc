import { policyMasterKey } from './master-key';
import { resolvePolicyFont } from './policy-font';

/**
 * Issuing a policy is part of the transaction that insures an order, so a missing font or master key
 * would make every accepted payment fail. Checked when the server starts, to say so at once and loudly
 * rather than at the first bank notification.
 */
export function checkPolicyIssuance(): string | null {
  try {
    resolvePolicyFont();
    policyMasterKey();
    return null;
  } catch (error) {
    const problem = `无法出具保单，银行转账将无法完成投保：${(error as Error).message}`;
    console.error(`[保单] ${problem}`);
    return problem;
  }
}
