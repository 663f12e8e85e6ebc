import { deepEquals } from '@rjsf/utils';
import { isPrefillSource, PREFILL_OPTION } from '../prefill/prefill-sources';
import {
  KIND_SCHEMA, type BuilderField, type BuilderModel, type BuilderSection, type ChoiceOption, type ConditionValue, type FieldKind,
} from './form-builder-model';
import { fromBuilderModel, writeFieldSchema, writeFieldUi, writeSection } from './from-builder-model';
import { isPlainObject as isRecord } from '@/rules/json-shape';

type Json = Record<string, unknown>;

export type ToBuilderModelResult = { ok: true; model: BuilderModel } | { ok: false; reason: string };

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** `[{ const, title }]` with string values and nothing else: the labelled choices the builder writes. */
function readChoices(value: unknown): ChoiceOption[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const options: ChoiceOption[] = [];
  for (const item of value) {
    if (!isRecord(item) || Object.keys(item).length !== 2 || typeof item.const !== 'string' || typeof item.title !== 'string') return undefined;
    options.push({ value: item.const, label: item.title });
  }
  return options;
}

const FORMAT_KINDS: Record<string, FieldKind> = { date: 'date', email: 'email', uscc: 'uscc', 'cn-mobile': 'mobile', 'bank-account': 'bankAccount' };

function detectKind(schema: Json, widget: unknown): FieldKind {
  const { type } = schema;
  if (type === 'string' && readChoices(schema.oneOf)) return widget === 'radio' ? 'radio' : 'select';
  if (type === 'array' && schema.uniqueItems === true && widget === 'checkboxes' && isRecord(schema.items)) {
    const items = schema.items;
    if (Object.keys(items).length === 2 && items.type === 'string' && readChoices(items.oneOf)) return 'checkboxes';
  }
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return schema.multipleOf === 0.01 ? 'money' : 'number';
  if (type === 'string') {
    if (schema.format === undefined) return widget === 'textarea' ? 'textarea' : 'text';
    if (typeof schema.format === 'string' && FORMAT_KINDS[schema.format]) return FORMAT_KINDS[schema.format]!;
  }
  return 'custom';
}

const customField = (key: string, schema: unknown, ui: unknown): BuilderField => ({
  key, kind: 'custom', required: false, readOnly: false, schemaKeyOrder: [], uiKeyOrder: [], uiPresent: ui !== undefined,
  schemaExtra: isRecord(schema) ? schema : {}, uiExtra: isRecord(ui) ? ui : {},
  rawSchema: isRecord(schema) ? undefined : schema,
  rawUi: ui === undefined || isRecord(ui) ? undefined : ui,
});

/**
 * Reads one field. The reading is checked by writing it back: a field whose document the builder would
 * not reproduce exactly is kept whole as `custom` (shown, moved and deleted, edited in JSON).
 */
export function readField(key: string, schema: unknown, ui: unknown, required: boolean): BuilderField {
  if (!isRecord(schema) || (ui !== undefined && !isRecord(ui))) return { ...customField(key, schema, ui), required };
  const kind = detectKind(schema, ui?.['ui:widget']);
  if (kind === 'custom') return { ...customField(key, schema, ui), required };
  const owned = KIND_SCHEMA[kind];
  const field: BuilderField = {
    key, kind, required, readOnly: false, schemaKeyOrder: Object.keys(schema), uiKeyOrder: Object.keys(ui ?? {}), uiPresent: ui !== undefined, schemaExtra: {}, uiExtra: {},
  };
  const stringish = owned.type === 'string';
  const numeric = owned.type === 'number';
  for (const [name, value] of Object.entries(schema)) {
    if (name === 'type') continue;
    if (name === 'title' && typeof value === 'string') field.title = value;
    else if (name === 'format' && owned.format !== undefined) continue;
    else if (name === 'multipleOf' && owned.multipleOf !== undefined) continue;
    else if ((name === 'minLength' || name === 'maxLength') && stringish && typeof value === 'number') field[name] = value;
    else if ((name === 'minimum' || name === 'maximum') && numeric && typeof value === 'number') field[name] = value;
    else if (name === 'oneOf' && (kind === 'select' || kind === 'radio')) field.options = readChoices(value);
    else if (name === 'items' && kind === 'checkboxes') field.options = readChoices((value as Json).oneOf);
    else if (name === 'uniqueItems' && kind === 'checkboxes') continue;
    else field.schemaExtra[name] = value;
  }
  for (const [name, value] of Object.entries(ui ?? {})) {
    if (name === 'ui:widget' && owned.widget !== undefined) continue;
    if (name === 'ui:help' && typeof value === 'string') field.help = value;
    else if (name === 'ui:placeholder' && typeof value === 'string') field.placeholder = value;
    else if (name === 'ui:readonly' && value === true) field.readOnly = true;
    else if (name === 'ui:options' && isRecord(value) && isPrefillSource(value[PREFILL_OPTION])) {
      field.prefill = value[PREFILL_OPTION];
      const { [PREFILL_OPTION]: _prefill, ...rest } = value;
      if (Object.keys(rest).length > 0) field.uiExtra[name] = rest;
    } else field.uiExtra[name] = value;
  }
  const faithful = deepEquals(writeFieldSchema(field), schema) && deepEquals(writeFieldUi(field), ui);
  return faithful ? field : { ...customField(key, schema, ui), required };
}

/** The builder's own conditional shape (see `writeDependencies`), or undefined for anything else. */
function readConditions(dependencies: unknown, plainKeys: Set<string>): { key: string; schema: unknown; showWhen: { field: string; equals: ConditionValue }; required: boolean }[] | undefined {
  if (!isRecord(dependencies)) return undefined;
  const found: { key: string; schema: unknown; showWhen: { field: string; equals: ConditionValue }; required: boolean }[] = [];
  for (const [source, dependency] of Object.entries(dependencies)) {
    if (!plainKeys.has(source) || !isRecord(dependency) || Object.keys(dependency).length !== 1 || !Array.isArray(dependency.oneOf)) return undefined;
    const branches = dependency.oneOf as unknown[];
    for (const branch of branches.slice(0, -1)) {
      if (!isRecord(branch) || !isRecord(branch.properties)) return undefined;
      const condition = branch.properties[source];
      if (!isRecord(condition) || Object.keys(condition).length !== 1 || (typeof condition.const !== 'string' && typeof condition.const !== 'boolean')) return undefined;
      const required = isStringList(branch.required) ? branch.required : [];
      for (const [key, schema] of Object.entries(branch.properties)) {
        if (key === source) continue;
        if (plainKeys.has(key)) return undefined;
        found.push({ key, schema, showWhen: { field: source, equals: condition.const }, required: required.includes(key) });
      }
    }
  }
  return found;
}

function readSection(key: string, schema: Json, ui: unknown, required: boolean): BuilderSection | undefined {
  if (schema.type !== 'object' || !isRecord(schema.properties) || (ui !== undefined && !isRecord(ui))) return undefined;
  const sectionUi = (ui ?? {}) as Json;
  const requiredList = isStringList(schema.required) ? schema.required : undefined;
  const plainKeys = new Set(Object.keys(schema.properties));
  const conditions = readConditions(schema.dependencies, plainKeys);

  const attempt = (useConditions: boolean): BuilderSection => {
    const fields: BuilderField[] = Object.entries(schema.properties as Json).map(([fieldKey, fieldSchema]) =>
      readField(fieldKey, fieldSchema, sectionUi[fieldKey], requiredList?.includes(fieldKey) ?? false),
    );
    if (useConditions) {
      for (const c of conditions ?? []) fields.push({ ...readField(c.key, c.schema, sectionUi[c.key], c.required), showWhen: c.showWhen });
    }
    const keys = fields.map((f) => f.key);
    const order = sectionUi['ui:order'];
    const orderInUi = isStringList(order) && order.length === keys.length && keys.every((k) => order.includes(k));
    if (orderInUi) fields.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    const conditional = useConditions && (conditions?.length ?? 0) > 0;
    const closedBy = conditional ? 'propertyNames' : 'additionalProperties';
    const closed = conditional
      ? deepEquals(schema.propertyNames, { enum: fields.map((f) => f.key) })
      : schema.additionalProperties === false;
    const schemaExtra: Json = {};
    for (const [name, value] of Object.entries(schema)) {
      if (name === 'type' || name === 'properties') continue;
      if (name === 'title' && typeof value === 'string') continue;
      if (name === 'required' && requiredList) continue;
      if (name === 'dependencies' && conditional) continue;
      if (name === closedBy && closed) continue;
      schemaExtra[name] = value;
    }
    const uiExtra: Json = {};
    for (const [name, value] of Object.entries(sectionUi)) {
      if ((name === 'ui:order' && orderInUi) || keys.includes(name)) continue;
      uiExtra[name] = value;
    }
    return {
      key, title: typeof schema.title === 'string' ? schema.title : undefined, required, closed, fields, orderInUi,
      requiredHint: requiredList, unknownRequired: (requiredList ?? []).filter((k) => !plainKeys.has(k)),
      propertyKeyOrder: [...plainKeys], schemaKeyOrder: Object.keys(schema), uiKeyOrder: Object.keys(sectionUi), uiPresent: ui !== undefined,
      schemaExtra, uiExtra,
    };
  };
  const faithful = (section: BuilderSection) => {
    const written = writeSection(section);
    return deepEquals(written.schema, schema) && deepEquals(written.ui, ui);
  };
  if (conditions && conditions.length > 0) {
    const withConditions = attempt(true);
    if (faithful(withConditions)) return withConditions;
  }
  const plain = attempt(false);
  return faithful(plain) ? plain : undefined;
}

/**
 * Reads a form document into the builder's model. A document the model cannot stand for exactly (its
 * sections are not objects of fields) is refused with the reason, and is edited in JSON instead.
 */
export function toBuilderModel(schemaInput: unknown, uiInput: unknown): ToBuilderModelResult {
  if (!isRecord(schemaInput) || schemaInput.type !== 'object' || !isRecord(schemaInput.properties)) {
    return { ok: false, reason: '表单结构的顶层须为含 properties 的 object，可视化编辑无法表示，请在 JSON 中编辑' };
  }
  if (uiInput !== undefined && !isRecord(uiInput)) return { ok: false, reason: '界面配置（uiSchema）须为 JSON 对象，请在 JSON 中编辑' };
  const schema = schemaInput;
  const ui = (uiInput ?? {}) as Json;
  const requiredList = isStringList(schema.required) ? schema.required : undefined;
  const sections: BuilderSection[] = [];
  for (const [key, sectionSchema] of Object.entries(schema.properties as Json)) {
    const section = isRecord(sectionSchema) ? readSection(key, sectionSchema, ui[key], requiredList?.includes(key) ?? false) : undefined;
    if (!section) return { ok: false, reason: `“${key}”不是由字段组成的分组（object），可视化编辑无法表示，请在 JSON 中编辑` };
    sections.push(section);
  }
  const keys = sections.map((s) => s.key);
  const order = ui['ui:order'];
  const orderInUi = isStringList(order) && order.length === keys.length && keys.every((k) => order.includes(k));
  if (orderInUi) sections.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const closed = schema.additionalProperties === false;
  const schemaExtra: Json = {};
  for (const [name, value] of Object.entries(schema)) {
    if (name === 'type' || name === 'properties' || (name === 'title' && typeof value === 'string') || (name === 'required' && requiredList)) continue;
    if (name === 'additionalProperties' && closed) continue;
    schemaExtra[name] = value;
  }
  const uiExtra: Json = {};
  for (const [name, value] of Object.entries(ui)) {
    if ((name === 'ui:order' && orderInUi) || keys.includes(name)) continue;
    uiExtra[name] = value;
  }
  const model: BuilderModel = {
    title: typeof schema.title === 'string' ? schema.title : undefined, closed, sections, orderInUi,
    requiredHint: requiredList, unknownRequired: (requiredList ?? []).filter((k) => !keys.includes(k)),
    propertyKeyOrder: keys.slice(), schemaKeyOrder: Object.keys(schema), uiKeyOrder: Object.keys(ui), schemaExtra, uiExtra,
  };
  // propertyKeyOrder must be the document's order, not the ui:order the sections were sorted by.
  model.propertyKeyOrder = Object.keys(schema.properties as Json);
  const written = fromBuilderModel(model);
  if (!deepEquals(written.schema, schema) || !deepEquals(written.uiSchema, uiInput === undefined ? written.uiSchema : ui)) {
    return { ok: false, reason: '此表单含可视化编辑无法完整表示的结构，请在 JSON 中编辑' };
  }
  return { ok: true, model };
}
