// A QR code of a link, drawn in the browser (qrcode-generator, no network), for people to scan with
// their phone from a poster or a slide.
import qrcode from "qrcode-generator";
import { useMemo } from "react";

export function QrCode({ text, alt }: { text: string; alt: string }) {
  const src = useMemo(() => {
    // Type 0: the smallest version that holds the text; level M survives some smudging.
    const qr = qrcode(0, "M");
    qr.addData(text);
    qr.make();
    return qr.createDataURL(4, 8);
  }, [text]);
  return <img className="join-qr" src={src} alt={alt} />;
}
