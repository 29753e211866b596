// drizzle-kit generates SQL migrations from db/schema; the app applies them itself at open (it holds the key).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
