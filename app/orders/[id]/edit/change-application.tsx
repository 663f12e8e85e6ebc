'use client';

import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useRouter } from 'next/navigation';
import { changeApplication } from '../../../apply/[sectionId]/actions';
import { ApplicationForm } from '../../../_components/application/application-form';
import { FormDataSummary } from '../../../_components/application/form-data-summary';

interface Props {
  orderId: string;
  schema: RJSFSchema;
  uiSchema: UiSchema;
  data: Record<string, unknown>;
}

export function ChangeApplication({ orderId, schema, uiSchema, data }: Props) {
  const router = useRouter();
  return (
    <ApplicationForm
      schema={schema}
      uiSchema={uiSchema}
      initialData={data}
      confirmLabel="确认修改"
      renderSummary={(entered) => (
        <>
          <h2 className="card__title">请核对修改后的投保信息</h2>
          <FormDataSummary schema={schema} uiSchema={uiSchema} data={entered} />
        </>
      )}
      onConfirm={async (formData) => {
        const result = await changeApplication(orderId, { formData });
        if (result.ok) {
          router.push(`/orders/${orderId}?updated=1`);
          return;
        }
        return { message: result.message, fieldErrors: result.fieldErrors };
      }}
    />
  );
}
