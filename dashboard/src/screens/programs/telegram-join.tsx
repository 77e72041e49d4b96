// Joining on Telegram: per connected bot, the link that opens it and sends /start <slug>.
import type { ChannelView } from "@coach/contracts/channels";
import { Link } from "react-router";
import { CopyButton } from "../../components/ui";
import { telegramJoinLink } from "./join-links";

export function TelegramJoin({ slug, bots }: { slug: string; bots: ChannelView[] }) {
  return (
    <section>
      <h3>On Telegram</h3>
      {bots.length === 0 ? (
        <p className="muted small">
          No Telegram bot is connected yet. <Link to="/channels">Connect one on Channels</Link>, and
          its link for this program appears here.
        </p>
      ) : (
        <>
          <p className="muted small">
            Share this link: it opens your bot and starts the program. People can also send{" "}
            <code>/start {slug}</code> to the bot.
          </p>
          {bots.map((bot) =>
            bot.bot_username ? (
              <div className="kv" key={bot.id}>
                <span className="muted small">@{bot.bot_username}</span>
                <code>{telegramJoinLink(bot.bot_username, slug)}</code>
                <CopyButton text={telegramJoinLink(bot.bot_username, slug)} label="Copy link" />
              </div>
            ) : (
              <p className="muted small" key={bot.id}>
                Bot {bot.external_id}: connect it again on Channels to see its link here.
              </p>
            ),
          )}
        </>
      )}
    </section>
  );
}
