// The Telegram Bot API through grammY, pointed at TELEGRAM_API_ROOT (the real service, a local Bot API
// server, or the tests' stand-in), and the formatting rules for what we send.
import { Api } from "grammy";

/** Telegram refuses message texts longer than this (counted after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** A grammY API client for one bot. */
export function telegramApi(env: Pick<Env, "TELEGRAM_API_ROOT">, botToken: string): Api {
  return new Api(botToken, { apiRoot: env.TELEGRAM_API_ROOT });
}

/** Escapes text for `parse_mode: "HTML"`: only these three characters are special there. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
