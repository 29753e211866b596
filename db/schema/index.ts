// All tables, for drizzle and drizzle-kit.
export * from './office';
export * from './users';
export * from './audit';
export * from './parties';
export * from './cases';
export * from './documents';
export * from './letters';
export * from './activity';
export * from './money';
export * from './imports';
