// Template kinds: which letter each template is, which field groups it may print, its default deadline and what sending it does.

export const TEMPLATE_KINDS = [
  'reminder',
  'final_notice',
  'demand',
  'prefiling_notice',
  'performance_demand',
  'settlement_agreement',
  'instalment_agreement',
  'payment_receipt',
  'remittance_statement',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_LANGS = ['ar', 'en'] as const;
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];

export const FIELD_GROUPS = [
  'today',
  'office',
  'client',
  'debtor',
  'guarantor',
  'case',
  'letter',
  'lawyer',
  'settlement',
  'plan',
  'payment',
  'remittance',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface TemplateKindInfo {
  /** Field groups the kind may print or test; anything else is `field_not_allowed`. */
  readonly groups: readonly FieldGroup[];
  /** Days the letter gives the debtor by default; null when the document sets no deadline. */
  readonly deadlineDays: number | null;
  /** Sent by post or courier, so the batch check needs the debtor's address. */
  readonly postal: boolean;
  /** Delivery starts this statutory wait on the case (see the ladder's statutory periods). */
  readonly startsWait: 'notice' | 'demand' | null;
}

// Every kind may speak of the parties, the case and the letter itself; only the money documents
// carry their own figures, so a demand can never print a receipt's amount by mistake.
const COMMON: readonly FieldGroup[] = ['today', 'office', 'client', 'debtor', 'guarantor', 'case', 'letter', 'lawyer'];

const letter = (deadlineDays: number, startsWait: TemplateKindInfo['startsWait'] = null): TemplateKindInfo => ({
  groups: COMMON,
  deadlineDays,
  postal: true,
  startsWait,
});

const document = (extra: FieldGroup): TemplateKindInfo => ({
  groups: [...COMMON, extra],
  deadlineDays: null,
  postal: false,
  startsWait: null,
});

export const TEMPLATE_KIND_INFO: Readonly<Record<TemplateKind, TemplateKindInfo>> = {
  reminder: letter(7),
  final_notice: letter(10),
  demand: letter(15, 'demand'),
  // Fifteen days: the wait the Commercial Courts Law sets between the written claim and filing.
  prefiling_notice: letter(15, 'notice'),
  // Five days: the least time a debtor is given to pay before a performance order is applied for.
  performance_demand: letter(5),
  settlement_agreement: document('settlement'),
  instalment_agreement: document('plan'),
  payment_receipt: document('payment'),
  remittance_statement: document('remittance'),
};

export function isTemplateKind(value: string): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

export function isTemplateLang(value: string): value is TemplateLang {
  return (TEMPLATE_LANGS as readonly string[]).includes(value);
}

export function kindAllowsGroup(kind: TemplateKind, group: FieldGroup): boolean {
  return TEMPLATE_KIND_INFO[kind].groups.includes(group);
}
