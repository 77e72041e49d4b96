// Runs a pass of work one at a time: a call that arrives while a pass runs gets one more pass after it
// (however many such calls arrive), and every caller waits for the pass that covers its call.
export class OnePassAtATime {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly pass: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
