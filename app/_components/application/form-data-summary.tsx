import type { RJSFSchema } from '@rjsf/utils';

type Schema = RJSFSchema & { properties?: Record<string, RJSFSchema> };

/** The entered data laid out by the schema's own titles, for the bidder to check before confirming. */
export function FormDataSummary({ schema, data }: { schema: RJSFSchema; data: Record<string, unknown> }) {
  const rows: [string, string][] = [];
  const walk = (node: Schema, value: unknown, prefix: string) => {
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        walk(child as Schema, (value as Record<string, unknown> | undefined)?.[key], child.type === 'object' ? '' : prefix);
      }
      return;
    }
    rows.push([`${prefix}${node.title ?? ''}`, value === undefined || value === null || value === '' ? '—' : String(value)]);
  };
  walk(schema as Schema, data, '');
  return (
    <dl className="summary">
      {rows.map(([label, value], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
