import type { RJSFSchema } from '@rjsf/utils';

type Schema = RJSFSchema & { properties?: Record<string, RJSFSchema> };

/** The entered data laid out by the schema's own titles, for the bidder to check before confirming. */
export function FormDataSummary({ schema, data }: { schema: RJSFSchema; data: Record<string, unknown> }) {
  const rows: [string, string][] = [];
  const walk = (node: Schema, value: unknown, prefix: string) => {
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) {
        walk(child as Schema, (value as Record<string, unknown> | undefined)?.[key], prefix);
      }
      return;
    }
    const text = value === undefined || value === null || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    rows.push([`${prefix}${node.title ?? ''}`, text]);
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
