// The letter template language: field catalogue, kinds, parsing, validation and rendering (pure; shared with the renderer).
export { TEMPLATE_KINDS, TEMPLATE_LANGS, TEMPLATE_KIND_INFO, FIELD_GROUPS, isTemplateKind, isTemplateLang, kindAllowsGroup } from './kinds';
export type { TemplateKind, TemplateLang, FieldGroup, TemplateKindInfo } from './kinds';
export { TEMPLATE_FIELDS, findField, fieldAllowed, fieldsForKind, fieldLabelKey, readValue } from './fields';
export type { FieldDef, FieldPath, FieldType, FieldValue, MoneyValue, TemplateValues } from './fields';
export { FILTER_NAMES, isFilterName, filterFits, isTruthy } from './filters';
export type { FilterName, RenderOptions, Span } from './filters';
export { parseTemplate } from './parse';
export type { ParsedTemplate, ProblemCode, TemplateNode, TemplateProblem } from './parse';
export { validateTemplate, TEMPLATE_MAX_LENGTH } from './validate';
export { renderTemplate, renderWithUse, usedFields, fieldUse } from './render';
export type { FieldUse, LetterBlock, LetterBlockKind } from './render';
export { sampleValues } from './samples';
