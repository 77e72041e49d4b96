// What Telegram accepts as a bot's command menu (https://core.telegram.org/bots/api#setmycommands and
// #botcommand): at most 100 commands (an empty list clears the menu), each named with 1 to 32 lowercase English letters, digits and
// underscores (no leading slash) and described in 1 to 256 characters, for a two-letter ISO 639-1
// language code or none. "BOT_COMMAND_INVALID" and "command description must be non-empty" are the
// descriptions Telegram answers with for those two mistakes.

const COMMAND = /^[a-z0-9_]{1,32}$/;
const LANGUAGE_CODE = /^[a-z]{2}$/;
const MAX_COMMANDS = 100;
const MAX_DESCRIPTION = 256;

/** Telegram's "Bad Request: …" description for a menu it refuses, or null when it takes it. */
export function commandMenuRefusal(commands: unknown, languageCode: string): string | null {
  if (languageCode !== "" && !LANGUAGE_CODE.test(languageCode))
    return "Bad Request: invalid language code specified";
  if (!Array.isArray(commands)) return 'Bad Request: parameter "commands" is required';
  if (commands.length > MAX_COMMANDS) return "Bad Request: too many commands specified";
  for (const entry of commands) {
    const { command, description } = (entry ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== "string" || !COMMAND.test(command))
      return "Bad Request: BOT_COMMAND_INVALID";
    if (typeof description !== "string" || description.trim() === "")
      return "Bad Request: command description must be non-empty";
    if ([...description].length > MAX_DESCRIPTION)
      return "Bad Request: command description is too long";
  }
  return null;
}
