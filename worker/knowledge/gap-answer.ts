// A creator's answer to a gap, sent to the people who asked it. The askers are the conversations with a
// gap row of the same question (trimmed, case-folded) that no answer has been sent into yet; each gets
// the answer once, through its room's outbound path as a proactive message, so each channel's rules
// apply there (WhatsApp's template outside the 24-hour window, a care hold, an unreachable contact).
// The rows are marked when the answer went in, and the room's client id is derived from the question,
// so a second call, or a concurrent one, never sends it again.
import { formatMessage } from "@coach/contracts/messages";
import { and, eq, isNull } from "drizzle-orm";
import { sameQuestion } from "../db/gap-askers";
import type { TenantGateway } from "../db/tenant-gateway";
import type { Logger } from "../lib/logger";
import { chooseReplyLanguage, type ReplyLanguage } from "../lib/reply-language";
import { roomFor } from "../lib/rooms";
import { replyLanguagesOrFallback } from "../persona/load-persona";
import { oldestFirst } from "../db/creation-order";
import catalog from "./gap-answer.messages.json";

/** Most conversations one call sends the answer to; the rest wait for the next call. */
export const GAP_ANSWER_MAX_ASKERS = 200;

/** Gap rows read per page while gathering the askers. */
const PAGE_ROWS = 200;

/** The words the answer is framed with in each language (gap-answer.messages.json). */
type GapAnswerTexts = {
  /** What the answer opens with: the `{question}` they asked. */
  leadIn: string;
};

const GAP_ANSWER_TEXTS: Record<ReplyLanguage, GapAnswerTexts> = catalog;

/** The words the person receives: what they asked, then the answer. */
export function gapAnswerText(
  question: string,
  answer: string,
  language: ReplyLanguage = "en",
): string {
  const leadIn = formatMessage(GAP_ANSWER_TEXTS[language].leadIn, { question: question.trim() });
  return `${leadIn}\n\n${answer.trim()}`;
}

/** The room's client id for this question's answer: the same on every call, so the room stores it once. */
async function clientIdFor(tenantId: string, question: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${tenantId}\n${question.trim().toLowerCase()}`),
  );
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `gapans_${hex.slice(0, 40)}`;
}

/** The conversations still owed an answer to `question`, oldest asker first, at most `max`. */
async function pendingAskers(
  gateway: TenantGateway,
  question: string,
  max: number,
): Promise<{ conversations: string[]; more: boolean }> {
  const conversations: string[] = [];
  const seen = new Set<string>();
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const { rows, nextOffset } = await gateway.page("questionGaps", {
      where: (t) => and(sameQuestion(t, question), isNull(t.answerSentAt)),
      orderBy: oldestFirst,
      limit: PAGE_ROWS,
      offset,
    });
    for (const row of rows) {
      if (seen.has(row.conversationId)) continue;
      if (conversations.length === max) return { conversations, more: true };
      seen.add(row.conversationId);
      conversations.push(row.conversationId);
    }
    if (nextOffset === null) return { conversations, more: false };
  }
}

export type GapAnswerDelivery = { sent: number; skipped: number; more: boolean };

/**
 * Sends `answer` once into each conversation that asked `question` and has not had it yet. Skipped: a
 * conversation or contact that is gone, a contact who opted out, and whatever the room's outbound path
 * refuses (nothing stored); those stay owed, so a later call tries them again.
 */
export async function sendGapAnswer(
  env: Pick<Env, "CONVERSATION_ROOM" | "DB">,
  gateway: TenantGateway,
  question: string,
  answer: string,
  logger: Logger,
): Promise<GapAnswerDelivery> {
  const { conversations, more } = await pendingAskers(gateway, question, GAP_ANSWER_MAX_ASKERS);
  const clientId = await clientIdFor(gateway.tenantId, question);
  const persona = await replyLanguagesOrFallback(env.DB, gateway.tenantId, {}, logger);
  let sent = 0;
  let skipped = 0;
  for (const conversationId of conversations) {
    const conversation = await gateway.find("conversations", conversationId);
    const contact = conversation?.contactId
      ? await gateway.find("contacts", conversation.contactId)
      : undefined;
    if (!conversation || !contact || contact.optedOutAt !== null) {
      skipped++;
      continue;
    }
    const result = await roomFor(env, gateway.tenantId, conversation.id).sendOutbound({
      meta: {
        tenantId: conversation.tenantId,
        conversationId: conversation.id,
        contactId: conversation.contactId,
        channel: conversation.channel,
      },
      client_id: clientId,
      // A language a member chose for the person, else the one their channel reported.
      text: gapAnswerText(
        question,
        answer,
        chooseReplyLanguage(persona, { stated: contact.language ?? contact.locale }),
      ),
      author: "assistant",
      source: "proactive",
    });
    // Nothing stored: the channel's rules held it back (no template, care hold, unreachable).
    if (result.seq === 0) {
      skipped++;
      continue;
    }
    if (result.duplicate) skipped++;
    else sent++;
    await markSent(gateway, conversation.id, question);
  }
  return { sent, skipped, more };
}

/** Marks every gap row of `question` in the conversation as answered. */
async function markSent(
  gateway: TenantGateway,
  conversationId: string,
  question: string,
): Promise<void> {
  const rows = await gateway.list("questionGaps", {
    where: (t) =>
      and(eq(t.conversationId, conversationId), sameQuestion(t, question), isNull(t.answerSentAt)),
  });
  const now = Date.now();
  for (const row of rows) await gateway.update("questionGaps", row.id, { answerSentAt: now });
}
