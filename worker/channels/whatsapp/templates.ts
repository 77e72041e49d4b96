// Proactive messages on WhatsApp outside the 24-hour customer-service window: only an approved
// template may be sent then. Each number has at most one configured by its creator (name, language,
// and whether its body takes the message text as its one parameter).
import { AppError } from "../../lib/errors";
import type { WhatsAppConfig } from "../channel-config";
import { GraphError, sendTemplate } from "./graph-client";

/** WhatsApp refuses a body parameter longer than this. */
export const TEMPLATE_PARAMETER_LIMIT = 1024;

/**
 * The text as a template body parameter: WhatsApp refuses parameters with line breaks, tabs or more
 * than four spaces in a row (error 132018), so those are folded into single spaces.
 */
export function templateParameter(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= TEMPLATE_PARAMETER_LIMIT
    ? folded
    : `${folded.slice(0, TEMPLATE_PARAMETER_LIMIT - 1).trimEnd()}…`;
}

/**
 * Sends the number's approved template to `to` (a wa_id), with `text` as its body parameter when the
 * template has one; answers the platform's message id (wamid). Throws `whatsapp_template_required`
 * when the creator has not configured a template for this number.
 */
export async function sendProactiveTemplate(
  env: Env,
  config: WhatsAppConfig,
  to: string,
  text: string,
): Promise<string> {
  const template = config.template;
  if (!template) {
    throw new AppError(
      409,
      "whatsapp_template_required",
      "This message is outside WhatsApp's 24-hour window, where only approved templates may be sent. Set this number's approved template with PUT /api/v1/channels/:id/template.",
    );
  }
  try {
    return await sendTemplate(env, config, to, {
      name: template.name,
      language: template.language,
      bodyText: template.body_parameter ? templateParameter(text) : null,
    });
  } catch (err) {
    if (err instanceof GraphError && err.status < 500) {
      throw new AppError(
        400,
        "whatsapp_template_refused",
        `WhatsApp refused the template "${template.name}" (${template.language}): ${err.message}`,
      );
    }
    throw new AppError(
      502,
      "whatsapp_unreachable",
      "WhatsApp could not be reached to send the template. Try again in a moment.",
    );
  }
}
