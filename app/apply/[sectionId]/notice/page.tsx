import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { getMyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { formatFen } from '@/lib/money/format-fen';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { ApplyGateNotice } from '../../../_components/application/apply-gate-notice';
import { ApplicationSteps } from '../../../_components/application/steps';
import { BidderPage, requireBidder } from '../../../_components/bidder-page';
import { notFoundOn } from '../../../_components/not-found-on';

export const metadata = { title: '投保须知 - 电子保函服务平台' };

type Props = { params: Promise<{ sectionId: string }>; searchParams: Promise<{ product?: string }> };

/** Step 2: the product's 投保须知, which the bidder must confirm it has read. */
export default async function NoticePage({ params, searchParams }: Props) {
  const actor = await requireBidder();
  const { sectionId } = await params;
  const { product: productId } = await searchParams;
  if (!productId) redirect(`/apply/${sectionId}`);
  const db = await getDb();
  const standing = await getMyEnterpriseStanding(db, actor);
  if (!standing.allowedActions.includes('applyForGuarantee')) {
    return (
      <BidderPage actor={actor} title="申请投标保函">
        <ApplyGateNotice standing={standing} />
      </BidderPage>
    );
  }
  const { product } = await prepareApplication(db, actor, sectionId, productId).catch(notFoundOn);

  return (
    <BidderPage actor={actor} title="申请投标保函">
      <ApplicationSteps current={1} />
      <form action={`/apply/${sectionId}/form`} method="get" className="card">
        <input type="hidden" name="product" value={product.productId} />
        <h2 className="card__title">
          投保须知 · {product.insurerName} · {product.productName}（保费 {formatFen(product.premiumFen)}）
        </h2>
        <div className="notice" tabIndex={0} aria-label="投保须知">
          {product.notice}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="accepted" value="1" required /> 我已阅读并同意《投保须知》
        </label>
        <div className="actions">
          <Link className="btn btn--plain" href={`/apply/${sectionId}`}>
            上一步
          </Link>
          <button className="btn" type="submit">
            下一步
          </button>
        </div>
      </form>
    </BidderPage>
  );
}
