// Telegram's rules for a message sent with parse_mode "HTML", as the Bot API documents them
// (https://core.telegram.org/bots/api#html-style, #sendmessage): only its tags, every other `<`, `>`
// and `&` written as an entity (named: &lt; &gt; &amp; &quot; only, or numeric), tags properly nested,
// and 1–4096 characters of text once the entities are parsed. Used by the Bot API stand-in, which
// refuses what Telegram refuses with Telegram's descriptions.

const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export const TELEGRAM_TEXT_LIMIT = 4096;

/** The message's visible text, or Telegram's description of why it refuses the message. */
export function parseTelegramHtml(html: string): { text: string } | { error: string } {
  const open: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const rest = html.slice(i);
    if (rest.startsWith("<")) {
      const tag = /^<(\/?)([a-z][a-z-]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/.exec(rest);
      if (!tag)
        return {
          error: `Bad Request: can't parse entities: Unexpected character at byte offset ${i}`,
        };
      const [whole, closing, name = ""] = tag;
      if (!TAGS.has(name))
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`,
        };
      if (closing) {
        if (open.pop() !== name)
          return {
            error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open.at(-1) ?? ""}>", found "</${name}>"`,
          };
      } else open.push(name);
      i += whole.length;
    } else if (rest.startsWith("&")) {
      const entity = /^&(?:([a-z]+)|#(\d+)|#x([0-9a-f]+));/i.exec(rest);
      const named = entity?.[1] !== undefined ? NAMED[entity[1]] : undefined;
      if (!entity || (entity[1] !== undefined && named === undefined))
        return {
          error: `Bad Request: can't parse entities: Unsupported HTML entity at byte offset ${i}`,
        };
      text +=
        named ??
        String.fromCodePoint(
          entity[2] !== undefined ? Number(entity[2]) : parseInt(entity[3] ?? "0", 16),
        );
      i += entity[0].length;
    } else if (rest.startsWith(">")) {
      return {
        error: `Bad Request: can't parse entities: Unexpected end of tag at byte offset ${i}`,
      };
    } else {
      text += html[i];
      i += 1;
    }
  }
  if (open.length > 0)
    return {
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`,
    };
  return { text };
}

/** A sendMessage text as Telegram reads it with `parseMode`, or the description it refuses it with. */
export function parseMessageText(
  message: string,
  parseMode: unknown,
): { text: string } | { error: string } {
  const parsed = parseMode === "HTML" ? parseTelegramHtml(message) : { text: message };
  if ("error" in parsed) return parsed;
  if (parsed.text.trim() === "") return { error: "Bad Request: message text is empty" };
  if (parsed.text.length > TELEGRAM_TEXT_LIMIT)
    return { error: "Bad Request: message is too long" };
  return parsed;
}
