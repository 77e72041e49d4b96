// The room's one alarm, moved earlier and never later. Calls are chained: two interleaved read-then-set
// pairs (the index flush in 2 s, a turn's safety net in 90 s) could otherwise leave the later time set.
export class AlarmSchedule {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly storage: DurableObjectStorage) {}

  /** Sets the alarm to `at` unless one is already set earlier. */
  at(at: number): Promise<void> {
    const next = this.chain.then(async () => {
      const current = await this.storage.getAlarm();
      if (current === null || at < current) await this.storage.setAlarm(at);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
