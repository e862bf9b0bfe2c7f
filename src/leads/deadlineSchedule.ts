import { Cron } from 'croner';
import type { AppContext } from '../appContext.js';
import type { JobRunner } from '../jobs/jobWorker.js';
import { dataToday } from '../settings/dataToday.js';
import { queueDeadlineCheck } from './deadlineTask.js';

export interface DeadlineSchedule {
  /** Runs one tick now (also what the timer calls): resolves once the check is queued or not. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * Checks lead deadlines at five past every hour in China's time zone, and once on start so that
 * a server that was down at the hour catches up. Each tick only queues a job (see
 * queueDeadlineCheck); the jobs worker runs it, in this process or another.
 */
export function startDeadlineSchedule(
  app: AppContext,
  jobs: JobRunner,
  log: (error: unknown) => void,
): DeadlineSchedule {
  const tick = async (): Promise<void> => {
    try {
      const today = await dataToday(app.handle.db);
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit', timeZone: 'Asia/Shanghai' }).format(
          new Date(),
        ),
      );
      if (await queueDeadlineCheck(app, today, hour % 24)) await jobs.wake();
    } catch (error) {
      log(error);
    }
  };
  const timer = new Cron(
    '5 * * * *',
    { timezone: 'Asia/Shanghai', protect: true, unref: true },
    () => tick(),
  );
  void tick();
  return { tick, stop: () => timer.stop() };
}
