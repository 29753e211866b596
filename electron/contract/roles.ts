// Roles and the permission matrix: the router enforces it; the renderer only uses it to hide what cannot be used.

export const ROLES = ['partner', 'lawyer', 'paralegal', 'staff', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'office.read',
  'office.write',
  'settings.read',
  'settings.write',
  'users.read',
  'users.write',
  'audit.read',
  'cases.read',
  'cases.write',
  'cases.move',
  'stage.override',
  'clients.write',
  'parties.write',
  'documents.write',
  'templates.write',
  'letters.write',
  'rules.override',
  'dashboard.office',
  'payments.write',
  'remittances.write',
  'ledger.read',
  'reports.office',
  'reports.own',
  'reports.money',
  'data.import',
  'data.export',
  'backups.manage',
  'privacy.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what. Keep docs/PERMISSIONS.md in step (a test checks they agree). */
export const PERMISSION_MATRIX: Readonly<Record<Role, readonly Permission[]>> = {
  partner: [
    'office.read', 'office.write', 'settings.read', 'settings.write', 'users.read', 'users.write', 'audit.read',
    'cases.read', 'cases.write', 'cases.move', 'stage.override', 'clients.write', 'parties.write',
    'documents.write', 'templates.write', 'letters.write', 'rules.override', 'dashboard.office', 'payments.write',
    'remittances.write', 'ledger.read', 'reports.office', 'reports.own', 'reports.money', 'data.import', 'data.export',
    'backups.manage', 'privacy.manage',
  ],
  lawyer: [
    'office.read', 'settings.read', 'users.read', 'cases.read', 'cases.write', 'cases.move', 'clients.write', 'parties.write',
    'documents.write', 'templates.write', 'letters.write', 'payments.write', 'reports.own', 'data.import', 'data.export',
  ],
  paralegal: ['office.read', 'settings.read', 'users.read', 'cases.read', 'cases.write', 'parties.write', 'documents.write', 'letters.write', 'payments.write',
    'reports.own'],
  staff: ['office.read', 'settings.read', 'cases.read'],
  accountant: ['office.read', 'settings.read', 'users.read', 'cases.read', 'payments.write', 'remittances.write', 'ledger.read', 'reports.money', 'data.export'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return PERMISSION_MATRIX[role].includes(permission);
}
