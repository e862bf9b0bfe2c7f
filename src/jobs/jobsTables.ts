/** The table owned by src/jobs: work queued for a worker (see the migration `jobs`). */

export type JobState =
  | 'queued' // waiting until `run_after` for a worker
  | 'running' // a worker holds it until `lease_expires_at`; taken up again after that
  | 'done'
  | 'failed'; // its task failed for good (no attempts left, or an error not worth retrying)

export interface JobTable {
  /** A UUID: it names the job in addresses (`/api/imports/:id`). */
  id: string;
  kind: string;
  /** JSON: what the task needs to do the work, checked by the task when it reads it. */
  payload: string;
  state: JobState;
  /** Times a worker took the job (one whose process died counts too). */
  attempts: number;
  max_attempts: number;
  run_after: string;
  /** `host:pid:instance` of the worker holding (or last holding) the job. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** Jobs with the same key never run at once (scans of one jurisdiction). */
  serial_key: string | null;
  /** The user who queued it: only they (and administrators above) may follow it. */
  owner_id: number | null;
  jurisdiction_code: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** JSON of a JobError: the last attempt's error. */
  error: string | null;
  /** JSON: how far the running attempt got, as its task reports it. */
  progress: string | null;
  /** JSON: what the task returned. */
  result: string | null;
}

export interface JobsTables {
  jobs: JobTable;
}
