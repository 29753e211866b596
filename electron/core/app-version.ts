// The app's version (package.json's), read at run time. A JSON import would need import attributes, which not every
// loader that runs the core understands (Playwright's fails on it); the built bundle (out/main/index.js) sits two
// folders below package.json just as this file does, in the repository and in the packaged app alike.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const APP_VERSION: string = (require('../../package.json') as { version: string }).version;
