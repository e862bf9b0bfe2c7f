// Worker threads start without the TypeScript loader of the thread that made them (and
// without vitest's): register tsx here, then run the TypeScript entry point.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
