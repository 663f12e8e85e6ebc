import { PREFILL_OPTION } from '../prefill/prefill-sources';
import { KIND_SCHEMA, type BuilderField, type BuilderModel, type BuilderSection, type ConditionValue } from './form-builder-model';

type Json = Record<string, unknown>;

/** Sets only defined values, so a written document never carries `undefined` keys. */
function put(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** The keys of `object` in the order they had when read, new keys after, so a diff shows only real changes. */
export function withKeyOrder(object: Json, order: readonly string[]): Json {
  const ordered: Json = {};
  for (const key of order) if (Object.hasOwn(object, key)) ordered[key] = object[key];
  for (const [key, value] of Object.entries(object)) if (!Object.hasOwn(ordered, key)) ordered[key] = value;
  return ordered;
}

/** `required`, in the order it was read, then newly required keys in field order. */
function writeRequired(keys: string[], unknownRequired: string[], hint: string[] | undefined): string[] | undefined {
  const wanted = new Set([...keys, ...unknownRequired]);
  const list = (hint ?? []).filter((key) => wanted.has(key));
  for (const key of [...keys, ...unknownRequired]) if (!list.includes(key)) list.push(key);
  return list.length > 0 || hint !== undefined ? list : undefined;
}

export function writeFieldSchema(field: BuilderField): unknown {
  if (field.rawSchema !== undefined) return field.rawSchema;
  if (field.kind === 'custom') return field.schemaExtra;
  const kind = KIND_SCHEMA[field.kind];
  const schema: Json = {};
  put(schema, 'title', field.title);
  schema.type = kind.type;
  put(schema, 'format', kind.format);
  put(schema, 'multipleOf', kind.multipleOf);
  put(schema, 'minLength', field.minLength);
  put(schema, 'maxLength', field.maxLength);
  put(schema, 'minimum', field.minimum);
  put(schema, 'maximum', field.maximum);
  const choices = field.options?.map((option) => ({ const: option.value, title: option.label }));
  if (field.kind === 'select' || field.kind === 'radio') schema.oneOf = choices ?? [];
  if (field.kind === 'checkboxes') {
    schema.uniqueItems = true;
    schema.items = { type: 'string', oneOf: choices ?? [] };
  }
  return withKeyOrder({ ...schema, ...field.schemaExtra }, field.schemaKeyOrder);
}

/** The field's uiSchema entry, or undefined when it has none. */
export function writeFieldUi(field: BuilderField): unknown {
  if (field.rawUi !== undefined) return field.rawUi;
  if (field.kind === 'custom') return field.uiPresent ? field.uiExtra : undefined;
  const ui: Json = {};
  const widget = KIND_SCHEMA[field.kind].widget;
  put(ui, 'ui:widget', widget);
  put(ui, 'ui:help', field.help);
  put(ui, 'ui:placeholder', field.placeholder);
  if (field.readOnly) ui['ui:readonly'] = true;
  const written = { ...ui, ...field.uiExtra };
  if (field.prefill) written['ui:options'] = { ...(field.uiExtra['ui:options'] as Json | undefined), [PREFILL_OPTION]: field.prefill };
  if (Object.keys(written).length === 0 && !field.uiPresent) return undefined;
  return withKeyOrder(written, field.uiKeyOrder);
}

/** Groups of conditional fields: by the field they depend on, then by the value it must have. */
function conditionGroups(fields: BuilderField[]): Map<string, Map<ConditionValue, BuilderField[]>> {
  const groups = new Map<string, Map<ConditionValue, BuilderField[]>>();
  for (const field of fields) {
    if (!field.showWhen) continue;
    const byValue = groups.get(field.showWhen.field) ?? new Map<ConditionValue, BuilderField[]>();
    groups.set(field.showWhen.field, byValue);
    byValue.set(field.showWhen.equals, [...(byValue.get(field.showWhen.equals) ?? []), field]);
  }
  return groups;
}

/**
 * Conditional fields as RJSF renders them reliably: `dependencies` with one `oneOf` branch per value
 * that shows fields (the field's `const`), and a last branch for every other value (`not` + `enum`).
 */
function writeDependencies(fields: BuilderField[]): Json {
  const dependencies: Json = {};
  for (const [source, byValue] of conditionGroups(fields)) {
    const branches: Json[] = [];
    for (const [value, shown] of byValue) {
      const properties: Json = { [source]: { const: value } };
      for (const field of shown) properties[field.key] = writeFieldSchema(field);
      const branch: Json = { properties };
      const required = shown.filter((f) => f.required).map((f) => f.key);
      if (required.length > 0) branch.required = required;
      branches.push(branch);
    }
    branches.push({ properties: { [source]: { not: { enum: [...byValue.keys()] } } } });
    dependencies[source] = { oneOf: branches };
  }
  return dependencies;
}

export function writeSection(section: BuilderSection): { schema: Json; ui: Json | undefined } {
  const plain = section.fields.filter((f) => !f.showWhen);
  const conditional = section.fields.some((f) => f.showWhen);
  const properties: Json = {};
  for (const field of plain) properties[field.key] = writeFieldSchema(field);
  const schema: Json = {};
  put(schema, 'title', section.title);
  schema.type = 'object';
  put(schema, 'required', writeRequired(plain.filter((f) => f.required).map((f) => f.key), section.unknownRequired, section.requiredHint));
  schema.properties = withKeyOrder(properties, section.propertyKeyOrder);
  if (conditional) {
    const extraDependencies = (section.schemaExtra.dependencies ?? {}) as Json;
    schema.dependencies = { ...extraDependencies, ...writeDependencies(section.fields) };
  }
  if (section.closed && conditional) schema.propertyNames = { enum: section.fields.map((f) => f.key) };
  else if (section.closed) schema.additionalProperties = false;
  const { dependencies: _written, ...extra } = section.schemaExtra;
  const fullSchema = withKeyOrder({ ...schema, ...(conditional ? extra : section.schemaExtra) }, section.schemaKeyOrder);

  const ui: Json = {};
  // Conditional fields live apart from the others in the schema, so only ui:order can place them.
  if (section.orderInUi || conditional) ui['ui:order'] = section.fields.map((f) => f.key);
  for (const field of section.fields) put(ui, field.key, writeFieldUi(field));
  const written = withKeyOrder({ ...ui, ...section.uiExtra }, section.uiKeyOrder);
  return { schema: fullSchema, ui: Object.keys(written).length > 0 || section.uiPresent ? written : undefined };
}

/** The form document the model stands for. */
export function fromBuilderModel(model: BuilderModel): { schema: Json; uiSchema: Json } {
  const schema: Json = {};
  put(schema, 'title', model.title);
  schema.type = 'object';
  put(schema, 'required', writeRequired(model.sections.filter((s) => s.required).map((s) => s.key), model.unknownRequired, model.requiredHint));
  const properties: Json = {};
  const ui: Json = {};
  if (model.orderInUi) ui['ui:order'] = model.sections.map((s) => s.key);
  for (const section of model.sections) {
    const written = writeSection(section);
    properties[section.key] = written.schema;
    put(ui, section.key, written.ui);
  }
  schema.properties = withKeyOrder(properties, model.propertyKeyOrder);
  if (model.closed) schema.additionalProperties = false;
  return {
    schema: withKeyOrder({ ...schema, ...model.schemaExtra }, model.schemaKeyOrder),
    uiSchema: withKeyOrder({ ...ui, ...model.uiExtra }, model.uiKeyOrder),
  };
}
