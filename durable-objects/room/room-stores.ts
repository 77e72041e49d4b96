// The tables a room keeps in its SQLite, opened together: its own state, the message log, the outbox,
// its rate-limit buckets, the takeover, the quick replies on offer, the index watermark, reply routes,
// the channel messages waiting to be sent again, and the fixed replies still owed.
import { ChannelRetries } from "./channel-retries";
import { MessageLog } from "./message-log";
import { Outbox } from "./outbox";
import { OwedReplies } from "./owed-replies";
import { PendingQuickReplies } from "./pending-quick-replies";
import { ReplyRoutes } from "./reply-routes";
import { RoomBuckets } from "./room-buckets";
import { RoomState } from "./room-meta";
import { SyncWatermark } from "./sync-watermark";
import { TakeoverState } from "./takeover-state";

export type RoomStores = {
  state: RoomState;
  log: MessageLog;
  outbox: Outbox;
  buckets: RoomBuckets;
  takeovers: TakeoverState;
  quickReplies: PendingQuickReplies;
  watermark: SyncWatermark;
  routes: ReplyRoutes;
  retries: ChannelRetries;
  owed: OwedReplies;
};

export function openRoomStores(sql: SqlStorage): RoomStores {
  return {
    state: new RoomState(sql),
    log: new MessageLog(sql),
    outbox: new Outbox(sql),
    buckets: new RoomBuckets(sql),
    takeovers: new TakeoverState(sql),
    quickReplies: new PendingQuickReplies(sql),
    watermark: new SyncWatermark(sql),
    routes: new ReplyRoutes(sql),
    retries: new ChannelRetries(sql),
    owed: new OwedReplies(sql),
  };
}
