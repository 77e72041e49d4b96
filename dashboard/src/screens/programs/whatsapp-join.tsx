// Joining on WhatsApp: people send the program's keyword to a connected number. Per number, the
// keyword, the wa.me link that types it for them, and a QR code of that link; the keyword is set here.
import type { ChannelView } from "@coach/contracts/channels";
import { Link } from "react-router";
import { CopyButton } from "../../components/ui";
import { whatsappJoinLink } from "./join-links";
import { KeywordForm } from "./keyword-form";
import type { ProgramEditorProps } from "./program-editor-props";
import { QrCode } from "./qr-code";

function NumberJoin({ number, keyword }: { number: ChannelView; keyword: string }) {
  if (!number.display_phone_number)
    return (
      <p className="small">
        Send <strong>{keyword}</strong> to your WhatsApp number ({number.external_id}).
      </p>
    );
  const link = whatsappJoinLink(number.display_phone_number, keyword);
  return (
    <div className="join-whatsapp">
      <QrCode text={link} alt={`QR code: send ${keyword} to ${number.display_phone_number}`} />
      <div>
        <p className="small">
          Send <strong>{keyword}</strong> to {number.display_phone_number}
        </p>
        <div className="kv">
          <code>{link}</code>
          <CopyButton text={link} label="Copy link" />
        </div>
      </div>
    </div>
  );
}

export function WhatsAppJoin({
  program,
  numbers,
  onSaved,
}: ProgramEditorProps & { numbers: ChannelView[] }) {
  const keyword = program.keyword;
  return (
    <section>
      <h3>On WhatsApp</h3>
      {numbers.length === 0 ? (
        <p className="muted small">
          No WhatsApp number is connected yet. <Link to="/channels">Connect one on Channels</Link>,
          and its link and QR code for this program appear here.
        </p>
      ) : (
        <>
          <KeywordForm program={program} onSaved={onSaved} />
          {keyword &&
            numbers.map((number) => (
              <NumberJoin key={number.id} number={number} keyword={keyword} />
            ))}
        </>
      )}
    </section>
  );
}
