// Which of a workspace's own crisis resources a reply names: the person's country before everyone's,
// their language before every language, three at most, and none beside a medical emergency's call.
import type { CrisisResources } from "@coach/contracts/safety-settings";
import { describe, expect, it } from "vitest";
import { crisisReply } from "../../../worker/safety/crisis-reply";
import { resourcesFor } from "../../../worker/safety/workspace-resources";

const OWN: CrisisResources = {
  resources: [
    { country: "*", name: "Everyone", phone: "100" },
    { country: "*", language: "en", name: "Everyone in English", phone: "101" },
    { country: "GB", name: "Britain", phone: "102" },
    { country: "GB", language: "en", name: "Britain in English", phone: "103" },
    { country: "GB", language: "de", name: "Britain in German", phone: "104" },
    { country: "US", name: "America", phone: "105" },
  ],
  intro: {},
};

describe("resourcesFor", () => {
  it("puts the person's country and language first and names three at most", () => {
    expect(resourcesFor(OWN, "GB", "en").map((r) => r.name)).toEqual([
      "Britain in English",
      "Britain",
      "Everyone in English",
    ]);
  });

  it("names only the resources for everyone when the country is unknown", () => {
    expect(resourcesFor(OWN, null, "de").map((r) => r.name)).toEqual(["Everyone"]);
  });
});

describe("crisisReply with the workspace's resources", () => {
  it("keeps the country's own line and the emergency number after them", () => {
    const reply = crisisReply({ kind: "self_harm", language: "en" }, "GB", OWN);
    expect(reply).toContain("Your coach recommends: Britain in English, 103; Britain, 102;");
    expect(reply.indexOf("Britain")).toBeLessThan(reply.indexOf("Samaritans"));
    expect(reply).toContain("call 999 now");
  });

  it("names the emergency number alone for a medical emergency", () => {
    const reply = crisisReply({ kind: "medical_emergency", language: "en" }, "GB", OWN);
    expect(reply).not.toContain("Britain");
    expect(reply).toContain("999");
  });
});
