import Link from 'next/link';
import { getDb } from '@/lib/database';
import { getMyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { formatFen } from '@/lib/money/format-fen';
import { listProductsForSection } from '@/lib/products/list-products-for-section';
import { getOpenSection } from '@/lib/sections/list-open-sections';
import { ApplyGateNotice } from '../../_components/application/apply-gate-notice';
import { ApplicationSteps } from '../../_components/application/steps';
import { SectionSummary } from '../../_components/application/section-summary';
import { BidderPage, requireBidder } from '../../_components/bidder-page';
import { notFoundOn } from '../../_components/not-found-on';

export const metadata = { title: '选择金融产品 - 电子保函服务平台' };

type Props = { params: Promise<{ sectionId: string }> };

/**
 * Step 1, 选择保证金缴纳方式: the bidder freely 【选择】s an insurer's product and 【确认】s. An enterprise that has
 * not passed 企业认证审核 sees the section and why it cannot apply yet instead.
 */
export default async function ChooseProductPage({ params }: Props) {
  const actor = await requireBidder();
  const { sectionId } = await params;
  const db = await getDb();
  const [section, products, standing] = await Promise.all([
    getOpenSection(db, actor, sectionId),
    listProductsForSection(db, actor, sectionId),
    getMyEnterpriseStanding(db, actor),
  ]).catch(notFoundOn);

  // The section is open to browse for every enterprise; choosing a product starts an application.
  if (!standing.allowedActions.includes('applyForGuarantee')) {
    return (
      <BidderPage actor={actor} title="申请投标保函">
        <div className="card" style={{ marginBottom: 16 }}>
          <SectionSummary section={section} />
        </div>
        <ApplyGateNotice standing={standing} />
      </BidderPage>
    );
  }

  return (
    <BidderPage actor={actor} title="申请投标保函">
      <ApplicationSteps current={0} />
      <div className="card" style={{ marginBottom: 16 }}>
        <SectionSummary section={section} />
      </div>
      <form action={`/apply/${sectionId}/notice`} method="get" className="card">
        <h2 className="card__title">选择金融产品</h2>
        {products.length === 0 ? (
          <div className="empty">该项目所在区域暂无可选的保险产品</div>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>选择</th>
                <th>保险公司</th>
                <th>产品</th>
                <th>费率</th>
                <th style={{ textAlign: 'right' }}>最低保费</th>
                <th style={{ textAlign: 'right' }}>本标段保费</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p, index) => (
                <tr key={p.productId}>
                  <td>
                    <input type="radio" name="product" value={p.productId} id={`product-${p.productId}`} defaultChecked={index === 0} required aria-label={`选择 ${p.productName}`} />
                  </td>
                  <td>
                    <label htmlFor={`product-${p.productId}`}>{p.insurerName}</label>
                  </td>
                  <td>{p.productName}</td>
                  <td>{(p.rateBp / 100).toFixed(2)}%</td>
                  <td className="num">{formatFen(p.minPremiumFen)}</td>
                  <td className="num">
                    <strong>{formatFen(p.premiumFen)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">保费 = max(最低保费, 保证金金额 × 费率)。</p>
        <div className="actions">
          <Link className="btn btn--plain" href="/">
            返回
          </Link>
          {products.length > 0 && (
            <button className="btn" type="submit">
              确认
            </button>
          )}
        </div>
      </form>
    </BidderPage>
  );
}
