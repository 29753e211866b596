// The office profile (one row) and key/value settings.
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const office = sqliteTable('office', {
  id: integer('id').primaryKey(), // always 1: one office per data folder
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull().default(''),
  licenceNumber: text('licence_number').notNull().default(''),
  crNumber: text('cr_number').notNull().default(''),
  vatNumber: text('vat_number').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  logo: text('logo').notNull().default(''), // data URL (PNG/JPEG)
  updatedAt: text('updated_at').notNull(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(), // JSON
});
