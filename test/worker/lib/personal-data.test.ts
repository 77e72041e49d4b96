// Personal data never reaches the logs: e-mail addresses, phone, card and IBAN numbers and street
// addresses are masked in every field of a log line, while ids, timestamps and counts stay readable.
import { afterEach, describe, expect, it, vi } from "vitest";
import { maskPersonalData, maskSelectedData } from "@coach/contracts/personal-data";
import { createLogger } from "../../../worker/lib/logger";

const PLANTED = {
  email: "ana.lopez@example.com",
  phone: "+44 7700 900123",
  card: "4111 1111 1111 1111",
  iban: "DE89 3704 0044 0532 0130 00",
};

afterEach(() => vi.restoreAllMocks());

describe("maskPersonalData", () => {
  it.each([
    [`write to ${PLANTED.email}`, "write to [email]"],
    [`call ${PLANTED.phone} tonight`, "call [phone] tonight"],
    ["or (555) 123-4567", "or [phone]"],
    [`card ${PLANTED.card}`, "card [card]"],
    [`pay to ${PLANTED.iban}`, "pay to [iban]"],
    ["I live at 221B Baker Street, London", "I live at [address], London"],
    ["j'habite au 12 rue de la Paix", "j'habite au [address]"],
    ["vivo en Calle Mayor 12, Madrid", "vivo en [address], Madrid"],
    ["moro na Rua das Flores, 45", "moro na [address]"],
    ["wohne in der Hauptstraße 5", "wohne in der [address]"],
  ])("masks %j", (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it("keeps ids, timestamps, counts and digit runs that are not card numbers", () => {
    const text =
      "conversation 1c2c778c-5d3a-498a-a377-a281b38adee4 at 2026-12-04T13:29:22.095Z: 15 of 20 in 1234 ms, order 4111111111111112";
    expect(maskPersonalData(text)).toBe(text);
  });

  it("leaves lower-case phrases with numbers alone", () => {
    for (const text of ["I ran 5 miles down the road", "during 3 weeks", "Spring 2024 was hard"])
      expect(maskPersonalData(text)).toBe(text);
  });
});

describe("maskSelectedData (what the model is sent)", () => {
  it("masks card numbers and IBANs and keeps the rest of the question", () => {
    expect(
      maskSelectedData(
        `I paid with ${PLANTED.card} from ${PLANTED.iban}, write to ${PLANTED.email}`,
        { payment: true },
      ),
    ).toBe(`I paid with [card] from [iban], write to ${PLANTED.email}`);
  });

  it("masks only the kinds chosen", () => {
    const text = `${PLANTED.email}, ${PLANTED.phone}, 221B Baker Street, ${PLANTED.card}`;
    expect(maskSelectedData(text, { email: true, address: true })).toBe(
      `[email], ${PLANTED.phone}, [address], ${PLANTED.card}`,
    );
    expect(maskSelectedData(text, {})).toBe(text);
  });
});

describe("the edge's logger", () => {
  it("writes no planted e-mail, phone, card or IBAN number, in the message or any field", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => lines.push(line));
    const logger = createLogger({ request_id: "req-1" }).child({ contact: PLANTED.email });
    logger.info(`message from ${PLANTED.phone}`, {
      text: `my card is ${PLANTED.card}`,
      nested: { iban: PLANTED.iban, list: [PLANTED.email] },
    });
    logger.error("send failed", { error_message: `Graph refused ${PLANTED.phone}` });
    const output = lines.join("\n");
    for (const value of Object.values(PLANTED)) expect(output).not.toContain(value);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      request_id: "req-1",
      msg: "message from [phone]",
      nested: { iban: "[iban]", list: ["[email]"] },
    });
  });
});
