// The conversation's D1 index is flushed from the room's alarm, never per token or per message: a
// change marks it dirty and sets the alarm a moment later, and a failed flush marks it dirty again and
// retries later. Separate from the room, whose alarm also works the outbox.
import { describeError, type Logger } from "../../worker/lib/logger";
import type { AlarmSchedule } from "./alarm-schedule";
import { syncConversationIndex } from "./conversation-index";
import type { MessageLog } from "./message-log";
import type { RoomMeta, RoomState } from "./room-meta";
import type { SyncWatermark } from "./sync-watermark";

const INDEX_FLUSH_DELAY_MS = 2_000;

export type IndexFlushDeps = {
  env: Env;
  state: RoomState;
  meta(): RoomMeta;
  log: MessageLog;
  watermark: SyncWatermark;
  alarms: AlarmSchedule;
  logger: Logger;
};

export class IndexFlush {
  constructor(private readonly deps: IndexFlushDeps) {}

  /** The index is behind the log: flushed from the alarm in a moment. */
  markDirty(): void {
    const { state } = this.deps;
    if (state.indexDirty()) return;
    state.setIndexDirty(true);
    void this.deps.alarms.at(Date.now() + INDEX_FLUSH_DELAY_MS);
  }

  /** Flushes the index when it is behind; on failure it stays behind and the alarm comes back later. */
  async flush(): Promise<void> {
    const { state } = this.deps;
    if (state.indexDirty() && state.meta()) {
      state.setIndexDirty(false);
      try {
        await syncConversationIndex(
          this.deps.env.DB,
          this.deps.meta(),
          this.deps.log,
          this.deps.watermark,
        );
      } catch (err) {
        state.setIndexDirty(true);
        this.deps.logger.error("conversation index sync failed", describeError(err));
        await this.deps.alarms.at(Date.now() + INDEX_FLUSH_DELAY_MS * 5);
      }
    }
  }
}
