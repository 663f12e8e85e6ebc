import Link from 'next/link';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { getDb } from '@/lib/database';
import { getMyOrder } from '@/lib/orders/get-my-order';
import { BidderPage, requireBidder } from '../../../_components/bidder-page';
import { notFoundOn } from '../../../_components/not-found-on';
import { ChangeApplication } from './change-application';

export const metadata = { title: '修改投保信息 - 电子保函服务平台' };

type Props = { params: Promise<{ id: string }> };

/** After 【暂不支付】 the information stays editable until a payment arrives. */
export default async function EditApplicationPage({ params }: Props) {
  const actor = await requireBidder();
  const { id } = await params;
  const order = await getMyOrder(await getDb(), actor, id).catch(notFoundOn);
  return (
    <BidderPage actor={actor} title={`修改投保信息 · ${order.orderNumber}`}>
      <div className="card">
        {order.allowedActions.includes('editApplication') ? (
          <ChangeApplication orderId={order.id} schema={order.formSchema as RJSFSchema} uiSchema={order.formUiSchema as UiSchema} data={order.formData} />
        ) : (
          <div className="empty">
            订单已进入支付审核或已结束，投保信息不能再修改。<Link href={`/orders/${order.id}`}>返回订单详情</Link>
          </div>
        )}
      </div>
    </BidderPage>
  );
}
