// The events a creator can subscribe an outgoing webhook to. Kept apart from emit-event.ts so routes
// and validation can name them without pulling in the dispatcher.

export const outgoingEventTypes = [
  "conversation.created",
  "answer.low_confidence",
  "human.requested",
  "crisis.detected",
  "conversation.takeover",
  "conversation.handback",
  "enrollment.created",
  "enrollment.ended",
  "outcome.recorded",
  "member.subscribed",
  "member.payment_failed",
  "member.cancelled",
  "ping",
] as const;
export type OutgoingEventType = (typeof outgoingEventTypes)[number];

/** Events an endpoint may subscribe to; `ping` is only ever sent by the test route. */
export const subscribableEventTypes = outgoingEventTypes.filter(
  (type): type is Exclude<OutgoingEventType, "ping"> => type !== "ping",
);
