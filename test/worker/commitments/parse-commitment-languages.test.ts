// The commitment reader beyond English: Spanish promises and reminders it records or leaves alone,
// and the language it answers in when the persona does not speak the one a commitment was written in.
import { describe, expect, it } from "vitest";
import { followUpText, outcomeReplies } from "../../../worker/commitments/follow-up";
import { confirmationText, readCommitment } from "../../../worker/commitments/parse-commitment";
import { berlin, parse } from "./commitment-helpers";

describe("Spanish", () => {
  it("reads a promise led by its time, in the near-future present", () => {
    expect(readCommitment("Mañana a las 7 salgo a correr", berlin)).toEqual({
      language: "es",
      commitment: {
        kind: "commitment",
        what: "salgo a correr",
        due_at: Date.UTC(2026, 10, 26, 8, 0),
        local_time_text: "mañana a las 9:00",
      },
    });
  });

  it("reads a weekday and 'voy a'", () => {
    expect(parse("El lunes voy a ir al gimnasio")).toMatchObject({
      kind: "commitment",
      what: "ir al gimnasio",
      local_time_text: "el lunes a las 20:00",
    });
    expect(parse("Voy a meditar el lunes por la mañana")).toMatchObject({
      what: "meditar",
      local_time_text: "el lunes a las 12:00",
    });
  });

  it("reads how often", () => {
    expect(parse("Cada día camino 20 min")).toMatchObject({
      kind: "commitment",
      what: "camino 20 min",
      count: 1,
      period: "day",
    });
    expect(parse("Me comprometo a nadar tres veces a la semana")).toMatchObject({
      what: "nadar",
      count: 3,
      period: "week",
    });
  });

  it("reads a reminder request", () => {
    expect(parse("Recuérdame mañana a las 8 llamar a mamá")).toMatchObject({
      kind: "reminder",
      what: "llamar a mamá",
      due_at: Date.UTC(2026, 10, 26, 7, 0),
    });
  });

  it.each([
    "¿Mañana salgo a correr?",
    "Mañana llueve",
    "No voy a correr mañana",
    "Los lunes corro",
  ])("ignores %j", (text) => {
    expect(parse(text)).toBeNull();
  });

  it("confirms in Spanish", () => {
    const read = readCommitment("Mañana a las 7 salgo a correr", berlin);
    if (!read) throw new Error("should parse");
    expect(confirmationText(read.commitment, read.language)).toBe(
      "Anotado: salgo a correr. Te preguntaré cómo te fue mañana a las 9:00.",
    );
  });
});

describe("answering in the persona's languages", () => {
  it("answers a Spanish promise in German when the persona speaks German and English only", () => {
    const read = readCommitment("Mañana a las 7 salgo a correr", berlin, {
      languages: ["de", "en"],
    });
    if (!read) throw new Error("should parse");
    expect(read.language).toBe("de");
    expect(confirmationText(read.commitment, read.language)).toBe(
      "Notiert: salgo a correr. Ich frage dich morgen um 9:00 Uhr, wie es gelaufen ist.",
    );
    expect(followUpText(read.commitment, read.language)).toBe(
      "Du hattest vor: salgo a correr. Wie ist es gelaufen?",
    );
    expect(outcomeReplies("c1", read.language).map((r) => r.label)).toEqual([
      "Erledigt",
      "Teilweise",
      "Noch nicht",
    ]);
  });

  it("keeps the language it was written in when the persona speaks it", () => {
    const read = readCommitment("remind me tomorrow at 8", berlin, { languages: ["fr", "en"] });
    expect(read?.language).toBe("en");
    expect(read?.commitment.local_time_text).toBe("tomorrow at 8:00");
  });

  it("tells a reminder that names nothing as such in the persona's language", () => {
    const read = readCommitment("remind me tomorrow at 8", berlin, { languages: ["pt"] });
    if (!read) throw new Error("should parse");
    expect(confirmationText(read.commitment, read.language)).toBe(
      "Combinado: envio-lhe um lembrete amanhã às 8:00.",
    );
    expect(followUpText(read.commitment, "fr")).toBe(
      "Voici le rappel que vous m'avez demandé. Avez-vous pu le faire ?",
    );
  });
});
