import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { summarizeFormData } from '@/forms/summarize-form-data';

/** The entered data laid out as the form shows it (its titles, order and choice labels), for the bidder to check. */
export function FormDataSummary({ schema, uiSchema, data }: { schema: RJSFSchema; uiSchema?: UiSchema; data: Record<string, unknown> }) {
  const rows = summarizeFormData(schema, uiSchema ?? {}, data);
  return (
    <dl className="summary">
      {rows.map((row, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
