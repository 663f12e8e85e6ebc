import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database';
import { getMyEnterpriseStanding } from '@/lib/enterprises/my-enterprise-standing';
import { formatFen } from '@/lib/money/format-fen';
import { prepareApplication } from '@/lib/orders/prepare-application';
import { ApplyGateNotice } from '../../../_components/application/apply-gate-notice';
import { ApplicationSteps } from '../../../_components/application/steps';
import { BidderPage, requireBidder } from '../../../_components/bidder-page';
import { notFoundOn } from '../../../_components/not-found-on';
import { NewApplication } from './new-application';

export const metadata = { title: '填写投保信息 - 电子保函服务平台' };

type Props = { params: Promise<{ sectionId: string }>; searchParams: Promise<{ product?: string; accepted?: string }> };

/** Step 3: the generated form, prefilled from the enterprise profile; 【提交】 → summary → 【确认并支付】. */
export default async function ApplicationFormPage({ params, searchParams }: Props) {
  const actor = await requireBidder();
  const { sectionId } = await params;
  const { product: productId, accepted } = await searchParams;
  if (!productId) redirect(`/apply/${sectionId}`);
  // The notice must have been confirmed on the step before.
  if (accepted !== '1') redirect(`/apply/${sectionId}/notice?product=${encodeURIComponent(productId)}`);
  const db = await getDb();
  const standing = await getMyEnterpriseStanding(db, actor);
  if (!standing.allowedActions.includes('applyForGuarantee')) {
    return (
      <BidderPage actor={actor} title="申请投标保函">
        <ApplyGateNotice standing={standing} />
      </BidderPage>
    );
  }
  const { product, form, prefill } = await prepareApplication(db, actor, sectionId, productId).catch(notFoundOn);

  return (
    <BidderPage actor={actor} title="申请投标保函">
      <ApplicationSteps current={2} />
      <div className="card">
        <NewApplication
          sectionId={sectionId}
          productId={product.productId}
          formVersionId={form.id}
          premiumFen={product.premiumFen}
          productText={`${product.insurerName} · ${product.productName}`}
          premiumText={formatFen(product.premiumFen)}
          schema={form.schema as RJSFSchema}
          uiSchema={form.ui_schema as UiSchema}
          prefill={prefill}
        />
      </div>
    </BidderPage>
  );
}
