// Loads a TypeScript worker entry (workerData.entry) under tsx: how the backup worker runs where the core itself runs
// from source (tests, the bench, browser mode). The built app loads out/main/backup-worker.js directly instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
