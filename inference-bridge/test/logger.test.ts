/** The bridge's log lines carry no e-mail address, phone, card or IBAN number, whatever field holds it. */
import { describe, expect, it } from "vitest";
import { Logger } from "../src/logger";

describe("Logger", () => {
  it("masks personal data in the message, bound fields, fields and errors", () => {
    const lines: string[] = [];
    const logger = new Logger("info", { tenant: "t1" }, (line) => lines.push(line)).child({
      from: "ana.lopez@example.com",
    });
    logger.warn("question from +1 555 010 0234", {
      question: "my card 4111 1111 1111 1111 was charged twice",
      error: new Error("IBAN DE89 3704 0044 0532 0130 00 refused"),
    });
    const output = lines.join("\n");
    for (const planted of [
      "ana.lopez@example.com",
      "+1 555 010 0234",
      "4111 1111 1111 1111",
      "DE89 3704 0044 0532 0130 00",
    ])
      expect(output).not.toContain(planted);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      tenant: "t1",
      from: "[email]",
      msg: "question from [phone]",
      error: { name: "Error", message: "IBAN [iban] refused" },
    });
  });
});
