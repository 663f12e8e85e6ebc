'use client';

import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useRouter } from 'next/navigation';
import { ApplicationForm } from '../../../_components/application/application-form';
import { FormDataSummary } from '../../../_components/application/form-data-summary';
import { confirmApplication } from '../actions';

interface Props {
  sectionId: string;
  productId: string;
  formVersionId: string;
  premiumFen: number;
  premiumText: string;
  productText: string;
  schema: RJSFSchema;
  uiSchema: UiSchema;
  prefill: Record<string, unknown>;
}

export function NewApplication({ sectionId, productId, formVersionId, premiumFen, premiumText, productText, schema, uiSchema, prefill }: Props) {
  const router = useRouter();
  return (
    <ApplicationForm
      schema={schema}
      uiSchema={uiSchema}
      initialData={prefill}
      confirmLabel="确认并支付"
      renderSummary={(data) => (
        <>
          <h2 className="card__title">请核对投保信息</h2>
          <dl className="summary" style={{ marginBottom: 12 }}>
            <dt>金融产品</dt>
            <dd>{productText}</dd>
            <dt>应缴保费</dt>
            <dd>
              <strong>{premiumText}</strong>
            </dd>
          </dl>
          <FormDataSummary schema={schema} uiSchema={uiSchema} data={data} />
        </>
      )}
      onConfirm={async (formData) => {
        const result = await confirmApplication({ sectionId, productId, noticeAccepted: true, formData, formVersionId, expectedPremiumFen: premiumFen });
        if (result.ok) {
          router.push(`/orders/${result.value}?new=1`);
          return;
        }
        return { message: result.message, fieldErrors: result.fieldErrors };
      }}
    />
  );
}
