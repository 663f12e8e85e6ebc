import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { formatFen } from '@/lib/money/format-fen';
import { verifyUrl } from '@/lib/policies/issue-policy';
import { formatChineseDateTime } from '@/lib/time/format-chinese-date';
import { now } from '@/lib/time/clock';
import { renderMail } from './mail-layout';
import { enqueueOrderMail, orderMailContext } from './order-mail';

/**
 * 电子保单 to the applicant once the policy's document exists (written by the document job, in the
 * transaction that stores the document — never inside the bank's notification). Before bid opening the
 * sealed policy, with what to do with it; from the opening on, the PDF.
 */
export async function enqueuePolicyIssuedMail(trx: Transaction<Database>, policyId: string): Promise<string | null> {
  const policy = await trx
    .selectFrom('policies')
    .innerJoin('orders', 'orders.id', 'policies.order_id')
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .select(['policies.order_id', 'policies.policy_number', 'policies.verification_code', 'policies.period_start', 'policies.period_end', 'insurers.name as insurer_name'])
    .where('policies.id', '=', policyId)
    .executeTakeFirstOrThrow();
  const order = await orderMailContext(trx, policy.order_id);
  if (!order) return null;
  const sealed = now() < order.bidOpeningAt;
  const fileName = sealed ? `保单-${policy.policy_number}.pdf.enc` : `保单-${policy.policy_number}.pdf`;
  const mail = renderMail({
    subject: `【电子保函服务平台】投标保函已出具：${order.projectName} ${order.sectionName}（保单号 ${policy.policy_number}）`,
    greeting: `${order.enterpriseName}：`,
    paragraphs: [
      `贵单位为「${order.projectName}」${order.sectionName}投保的投标保证保险已承保，电子保单（投标保函）已出具。`,
      sealed
        ? `附件「${fileName}」为加密电子保单：开标前任何人（包括贵单位）均无法打开，开标后方可解密查看。`
        : `附件「${fileName}」为电子保单（PDF）。`,
    ],
    details: [
      ['保单号', policy.policy_number],
      ['验证码', policy.verification_code],
      ['订单号', order.orderNumber],
      ['项目', `${order.projectName}（${order.projectCode}）`],
      ['标段', order.sectionName],
      ['保险公司', policy.insurer_name],
      ['担保金额（投标保证金）', formatFen(order.depositFen)],
      ['保费', formatFen(order.premiumFen)],
      ['保险期间', `${formatChineseDateTime(policy.period_start)} 至 ${formatChineseDateTime(policy.period_end)}`],
      ['开标时间', formatChineseDateTime(order.bidOpeningAt)],
    ],
    instructions: [
      ...(sealed
        ? [
            '请按交易平台要求，在投标截止前提交该加密电子保单文件，请勿修改文件内容或文件名。',
            `开标（${formatChineseDateTime(order.bidOpeningAt)}）后，可登录电子保函服务平台，在【订单管理】中下载解密后的电子保单（PDF）。`,
          ]
        : ['请按交易平台要求提交该电子保单；也可随时登录电子保函服务平台，在【订单管理】中再次下载。']),
      `招标人及其他相关方可凭保单号和验证码在 ${verifyUrl(policy.policy_number)} 查验保单真伪。`,
    ],
  });
  return enqueueOrderMail(trx, order, mail, [{ kind: 'policy', policyId, form: sealed ? 'sealed' : 'pdf' }]);
}
