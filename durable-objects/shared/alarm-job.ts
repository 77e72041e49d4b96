// The one job an alarm-driven object works through (a workspace's closer, its retention sweeper): kept
// in the object's synchronous key/value storage, retried with back-off when a step fails, and
// forgotten with the alarm once there is nothing left to do.

const JOB_KEY = "job";
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3_600_000;

export class AlarmJob<T> {
  constructor(private readonly ctx: DurableObjectState) {}

  get(): T | undefined {
    return this.ctx.storage.kv.get<T>(JOB_KEY);
  }

  save(job: T): void {
    this.ctx.storage.kv.put<T>(JOB_KEY, job);
  }

  /** Sets the alarm for the retry after `failures` failed steps: a minute, doubling, at most 6 hours. */
  retryLater(failures: number, now = Date.now()): Promise<void> {
    return this.ctx.storage.setAlarm(
      now + Math.min(RETRY_BASE_MS * 2 ** (failures - 1), RETRY_MAX_MS),
    );
  }

  /** Deletes the job, the alarm and everything else the object stored. */
  async forget(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }
}
