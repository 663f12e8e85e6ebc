import { PREFILL_SOURCES } from './prefill/prefill-sources';

/**
 * A JSON Schema of the uiSchema keys our forms use, for completion and underlining in the JSON view.
 * Other `ui:` keys RJSF knows stay allowed; this only describes the ones worth suggesting.
 */
const field = {
  type: 'object',
  properties: {
    'ui:help': { type: 'string', description: '帮助文字（显示在字段下方）' },
    'ui:placeholder': { type: 'string', description: '占位提示' },
    'ui:readonly': { type: 'boolean', description: '只读' },
    'ui:widget': { enum: ['textarea', 'radio', 'checkboxes', 'select', 'hidden', 'password'], description: '控件' },
    'ui:order': { type: 'array', items: { type: 'string' }, description: '字段顺序（可含 "*" 表示其余字段）' },
    'ui:options': {
      type: 'object',
      properties: { prefill: { enum: Object.keys(PREFILL_SOURCES), description: '从企业信息预填' } },
    },
  },
  additionalProperties: { $ref: '#/definitions/field' },
};

export const UI_SCHEMA_JSON_SCHEMA = {
  definitions: { field },
  ...field,
};
