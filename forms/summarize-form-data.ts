import { orderProperties } from '@rjsf/utils';
import { isPlainObject as isRecord } from '@/rules/json-shape';

type Json = Record<string, unknown>;

export interface SummaryRow {
  label: string;
  value: string;
}


/** The Chinese labels a schema gives its choices: `oneOf`/`anyOf` of `{ const, title }`, or `enum` with `ui:enumNames`. */
function choiceLabels(schema: Json, ui: Json): Map<unknown, string> {
  const labels = new Map<unknown, string>();
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  for (const option of alternatives) {
    if (isRecord(option) && 'const' in option && typeof option.title === 'string') labels.set(option.const, option.title);
  }
  const names = ui['ui:enumNames'] ?? (isRecord(ui['ui:options']) ? ui['ui:options'].enumNames : undefined);
  if (Array.isArray(schema.enum) && Array.isArray(names)) {
    schema.enum.forEach((value, i) => typeof names[i] === 'string' && labels.set(value, names[i] as string));
  }
  return labels;
}

function formatMoney(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

function formatValue(schema: Json, ui: Json, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? schema.items : {};
    const labels = choiceLabels(items, {});
    return value.length === 0 ? '—' : value.map((v) => labels.get(v) ?? String(v)).join('、');
  }
  const label = choiceLabels(schema, ui).get(value);
  if (label !== undefined) return label;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' && schema.multipleOf === 0.01) return formatMoney(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The properties an object schema shows for this data: its own, plus those of each `dependencies`
 * branch whose condition the data meets (fields shown only when another field has a value).
 */
function visibleProperties(schema: Json, data: Json): Json {
  const properties: Json = { ...(isRecord(schema.properties) ? schema.properties : {}) };
  if (!isRecord(schema.dependencies)) return properties;
  for (const [source, dependency] of Object.entries(schema.dependencies)) {
    if (!(source in data) || !isRecord(dependency) || !Array.isArray(dependency.oneOf)) continue;
    for (const branch of dependency.oneOf) {
      if (!isRecord(branch) || !isRecord(branch.properties)) continue;
      const condition = branch.properties[source];
      const matches = isRecord(condition) && (('const' in condition && condition.const === data[source]) || (Array.isArray(condition.enum) && condition.enum.includes(data[source])));
      if (!matches) continue;
      for (const [key, child] of Object.entries(branch.properties)) if (key !== source) properties[key] = child;
    }
  }
  return properties;
}

/**
 * The entered data as label/value rows, in the order the form shows them (`ui:order`), with choices
 * shown by their Chinese labels, yes/no in words and amounts in yuan; for the bidder to check.
 */
export function summarizeFormData(schema: unknown, uiSchema: unknown, data: unknown): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const walk = (node: unknown, ui: unknown, value: unknown, depth: number) => {
    const s = isRecord(node) ? node : {};
    const u = isRecord(ui) ? ui : {};
    if (s.type === 'object' && isRecord(s.properties) && depth < 8) {
      const values = isRecord(value) ? value : {};
      const properties = visibleProperties(s, values);
      let keys = Object.keys(properties);
      const order = u['ui:order'];
      if (Array.isArray(order)) {
        try {
          keys = orderProperties(keys, order as string[]);
        } catch {
          // an order that does not fit the schema: keep the schema's own order
        }
      }
      for (const key of keys) walk(properties[key], u[key], values[key], depth + 1);
      return;
    }
    rows.push({ label: typeof s.title === 'string' ? s.title : '', value: formatValue(s, u, value) });
  };
  walk(schema, uiSchema, data, 0);
  return rows;
}
