import { FIELD_KEY_PATTERN, type BuilderField, type BuilderModel, type BuilderSection, type FieldKind } from './form-builder-model';
import { newField } from './new-field';

/**
 * The builder's edits, as pure functions of the model: each returns a new model, so the editor can
 * write the document from it and undo is a matter of keeping the old one.
 */

const mapSection = (model: BuilderModel, sectionKey: string, edit: (section: BuilderSection) => BuilderSection): BuilderModel => ({
  ...model,
  sections: model.sections.map((s) => (s.key === sectionKey ? edit(s) : s)),
});

/** The first free `field_N` key of the section, so a new field never clashes. */
export function nextFieldKey(section: BuilderSection, prefix = 'field'): string {
  const taken = new Set(section.fields.map((f) => f.key));
  for (let n = 1; ; n++) if (!taken.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export function nextSectionKey(model: BuilderModel): string {
  const taken = new Set(model.sections.map((s) => s.key));
  for (let n = 1; ; n++) if (!taken.has(`section_${n}`)) return `section_${n}`;
}

/** Why a key cannot be used for a field of this section, or null. */
export function checkFieldKey(section: BuilderSection, key: string, currentKey?: string): string | null {
  if (!FIELD_KEY_PATTERN.test(key)) return '键名须以英文字母开头，只含英文字母、数字和下划线，至多 40 个字符';
  if (key !== currentKey && section.fields.some((f) => f.key === key)) return '本分组已有同名键名';
  return null;
}

export function addField(model: BuilderModel, sectionKey: string, kind: Exclude<FieldKind, 'custom'>, title: string): { model: BuilderModel; key: string } {
  const section = model.sections.find((s) => s.key === sectionKey);
  if (!section) return { model, key: '' };
  const key = nextFieldKey(section);
  return { model: mapSection(model, sectionKey, (s) => ({ ...s, fields: [...s.fields, newField(kind, key, title)] })), key };
}

export function addSection(model: BuilderModel, title: string): BuilderModel {
  const section: BuilderSection = {
    key: nextSectionKey(model), title, required: true, closed: true, fields: [], orderInUi: false, unknownRequired: [],
    propertyKeyOrder: [], schemaKeyOrder: [], uiKeyOrder: [], uiPresent: false, schemaExtra: {}, uiExtra: {},
  };
  return { ...model, orderInUi: true, sections: [...model.sections, section] };
}

const move = <T>(list: T[], index: number, by: -1 | 1): T[] => {
  const target = index + by;
  if (index < 0 || target < 0 || target >= list.length) return list;
  const copy = list.slice();
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
};

/** Moves a field up or down; the order is then written to the section's `ui:order`. */
export function moveField(model: BuilderModel, sectionKey: string, fieldKey: string, by: -1 | 1): BuilderModel {
  return mapSection(model, sectionKey, (s) => {
    const { 'ui:order': _replaced, ...uiExtra } = s.uiExtra;
    return { ...s, orderInUi: true, uiExtra, fields: move(s.fields, s.fields.findIndex((f) => f.key === fieldKey), by) };
  });
}

export function moveSection(model: BuilderModel, sectionKey: string, by: -1 | 1): BuilderModel {
  const { 'ui:order': _replaced, ...uiExtra } = model.uiExtra;
  return { ...model, orderInUi: true, uiExtra, sections: move(model.sections, model.sections.findIndex((s) => s.key === sectionKey), by) };
}

/** Removes a field, and the conditions of other fields that depended on it. */
export function removeField(model: BuilderModel, sectionKey: string, fieldKey: string): BuilderModel {
  return mapSection(model, sectionKey, (s) => ({
    ...s,
    fields: s.fields
      .filter((f) => f.key !== fieldKey)
      .map((f) => (f.showWhen?.field === fieldKey ? { ...f, showWhen: undefined } : f)),
  }));
}

export function removeSection(model: BuilderModel, sectionKey: string): BuilderModel {
  return { ...model, sections: model.sections.filter((s) => s.key !== sectionKey) };
}

/** Replaces a field (its settings); a renamed key carries along the conditions that name it. */
export function updateField(model: BuilderModel, sectionKey: string, fieldKey: string, next: BuilderField): BuilderModel {
  return mapSection(model, sectionKey, (s) => ({
    ...s,
    fields: s.fields.map((f) => {
      if (f.key === fieldKey) return next;
      if (next.key !== fieldKey && f.showWhen?.field === fieldKey) return { ...f, showWhen: { ...f.showWhen, field: next.key } };
      return f;
    }),
  }));
}

export function updateSection(model: BuilderModel, sectionKey: string, edit: Partial<Pick<BuilderSection, 'title' | 'required'>>): BuilderModel {
  return mapSection(model, sectionKey, (s) => ({ ...s, ...edit }));
}
