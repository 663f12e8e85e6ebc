import type { BuilderField, FieldKind } from './form-builder-model';

/** A field as the palette adds it: sensible limits for its kind, nothing the operator must fix first. */
export function newField(kind: Exclude<FieldKind, 'custom'>, key: string, title?: string): BuilderField {
  const field: BuilderField = {
    key, kind, title, required: false, readOnly: false, schemaKeyOrder: [], uiKeyOrder: [], uiPresent: false, schemaExtra: {}, uiExtra: {},
  };
  if (kind === 'text') field.maxLength = 100;
  if (kind === 'textarea') field.maxLength = 1000;
  if (kind === 'email') field.maxLength = 100;
  if (kind === 'money') field.minimum = 0;
  if (kind === 'select' || kind === 'radio' || kind === 'checkboxes') {
    field.options = [
      { value: 'option1', label: '选项一' },
      { value: 'option2', label: '选项二' },
    ];
  }
  if (title === undefined) delete field.title;
  return field;
}
