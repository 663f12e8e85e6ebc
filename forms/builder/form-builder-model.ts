import type { PrefillSource } from '../prefill/prefill-sources';

/**
 * The visual builder's view of a form document (JSON Schema + uiSchema): sections (the root's object
 * properties) holding fields. It names only what an operator edits; every keyword it does not edit is
 * carried verbatim in an `…Extra` bag, so document → model → document loses nothing.
 */
export interface BuilderModel {
  title?: string;
  /** The root closes its data to the sections (`additionalProperties: false`). */
  closed: boolean;
  sections: BuilderSection[];
  /** The root's `ui:order` lists the sections (written when the operator reorders). */
  orderInUi: boolean;
  requiredHint?: string[];
  unknownRequired: string[];
  propertyKeyOrder: string[];
  schemaKeyOrder: string[];
  uiKeyOrder: string[];
  schemaExtra: Record<string, unknown>;
  uiExtra: Record<string, unknown>;
}

export interface BuilderSection {
  key: string;
  title?: string;
  required: boolean;
  /**
   * The section accepts no data outside its fields: `additionalProperties: false`, or, when it has
   * conditional fields (which live in `dependencies`, where `additionalProperties` cannot see them),
   * `propertyNames` listing every field.
   */
  closed: boolean;
  fields: BuilderField[];
  orderInUi: boolean;
  requiredHint?: string[];
  unknownRequired: string[];
  propertyKeyOrder: string[];
  schemaKeyOrder: string[];
  uiKeyOrder: string[];
  uiPresent: boolean;
  schemaExtra: Record<string, unknown>;
  uiExtra: Record<string, unknown>;
}

export const FIELD_KINDS = [
  'text', 'textarea', 'number', 'money', 'date', 'select', 'radio', 'checkboxes', 'boolean', 'uscc', 'mobile', 'bankAccount', 'email',
] as const;

/** `custom` is a field the builder shows but does not edit (kept verbatim, edited in JSON). */
export type FieldKind = (typeof FIELD_KINDS)[number] | 'custom';

export interface ChoiceOption {
  value: string;
  label: string;
}

export type ConditionValue = string | boolean;

/** Show the field only when another field of the same section has this value. */
export interface ShowWhen {
  field: string;
  equals: ConditionValue;
}

export interface BuilderField {
  key: string;
  kind: FieldKind;
  title?: string;
  help?: string;
  placeholder?: string;
  required: boolean;
  readOnly: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  options?: ChoiceOption[];
  prefill?: PrefillSource;
  showWhen?: ShowWhen;
  schemaKeyOrder: string[];
  uiKeyOrder: string[];
  uiPresent: boolean;
  /** For `custom`, the whole schema. */
  schemaExtra: Record<string, unknown>;
  uiExtra: Record<string, unknown>;
  /** A field schema or uiSchema that is not even an object (e.g. `true`), kept as it was. */
  rawSchema?: unknown;
  rawUi?: unknown;
}

/** What a field's kind means in JSON Schema: the keywords the builder writes for it. */
export const KIND_SCHEMA: Record<Exclude<FieldKind, 'custom'>, { type: string; format?: string; multipleOf?: number; widget?: string }> = {
  text: { type: 'string' },
  textarea: { type: 'string', widget: 'textarea' },
  number: { type: 'number' },
  money: { type: 'number', multipleOf: 0.01 },
  date: { type: 'string', format: 'date' },
  select: { type: 'string' },
  radio: { type: 'string', widget: 'radio' },
  checkboxes: { type: 'array', widget: 'checkboxes' },
  boolean: { type: 'boolean' },
  uscc: { type: 'string', format: 'uscc' },
  mobile: { type: 'string', format: 'cn-mobile' },
  bankAccount: { type: 'string', format: 'bank-account' },
  email: { type: 'string', format: 'email' },
};

export const isChoiceKind = (kind: FieldKind) => kind === 'select' || kind === 'radio' || kind === 'checkboxes';
export const isStringKind = (kind: FieldKind) => kind !== 'custom' && KIND_SCHEMA[kind].type === 'string';
export const isNumberKind = (kind: FieldKind) => kind === 'number' || kind === 'money';
/** Fields another field's condition may depend on: one value to compare. */
export const canBeConditionSource = (field: BuilderField) => !field.showWhen && (field.kind === 'select' || field.kind === 'radio' || field.kind === 'boolean');

/** Keys the builder lets an operator type: plain ASCII, so data paths and error paths stay readable. */
export const FIELD_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
