// Users of the office. Passwords are not here: each user's password wraps the database key in the keyring.
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['partner', 'lawyer', 'paralegal', 'staff', 'accountant'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    lang: text('lang', { enum: ['ar', 'en'] }).notNull().default('ar'),
    digits: text('digits', { enum: ['western', 'arabic'] }).notNull().default('western'),
    // Printed under a lawyer's signature on letters (the SCCA lawyer licence) and the direct line.
    licenceNumber: text('licence_number').notNull().default(''),
    phone: text('phone').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(t.username)],
);
