/**
 * A job worker in a process of its own, for the test that kills one holding a job:
 * `npx tsx test/helpers/jobWorkerProcess.ts DATABASE DATA_DIR LEASE_MS`. It runs until killed.
 */
import { loadConfig } from '../../src/config.js';
import { resolveDatabaseTarget } from '../../src/db/databaseTarget.js';
import { openDatabase } from '../../src/db/openDatabase.js';
import { JobWorker } from '../../src/jobs/jobWorker.js';
import { jobTasks } from '../../src/jobTasks.js';

const [target, dataDir, leaseMs] = process.argv.slice(2);
if (!target || !dataDir || !leaseMs) throw new Error('usage: DATABASE DATA_DIR LEASE_MS');
const handle = await openDatabase(resolveDatabaseTarget(target));
const worker = new JobWorker({ handle, config: { ...loadConfig({}), dataDir } }, jobTasks, {
  leaseMs: Number(leaseMs),
  pollMs: 100,
});
worker.start();
// The worker's timers do not hold the process: this does.
setInterval(() => undefined, 60_000);
