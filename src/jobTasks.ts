import { importTask } from './ingest/importTask.js';
import { jobRegistry } from './jobs/jobTask.js';
import { deadlineTask } from './leads/deadlineTask.js';
import { scanTask } from './rules/scanTask.js';

/** Every kind of job the application runs: what a worker (server or command) can take. */
export const jobTasks = jobRegistry([importTask, scanTask, deadlineTask]);
