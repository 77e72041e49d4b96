/**
 * Contact erasure at the bridge: signed like every call, ids validated, and an explicit answer that the
 * bridge holds nothing of the contact, which the edge records in its erasure receipt.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, uniqueTenant, type Harness } from "../support/harness";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin" });
});
afterAll(() => harness.close());

describe("DELETE /v1/contacts/:tenant_id/:contact_id", () => {
  it("answers what it erased, store by store", async () => {
    const tenant = uniqueTenant();
    const response = await harness.fetch("DELETE", `/v1/contacts/${tenant}/contact-42`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tenant_id: tenant,
      contact_id: "contact-42",
      erased: 0,
      stores: { chroma: 0, logs: "ids only" },
    });
  });

  it("refuses a malformed contact id", async () => {
    const response = await harness.fetch(
      "DELETE",
      `/v1/contacts/${uniqueTenant()}/${encodeURIComponent("../../etc")}`,
    );
    expect(response.status).toBe(400);
  });

  it("refuses an unsigned call", async () => {
    const response = await fetch(`${harness.url}/v1/contacts/${uniqueTenant()}/contact-42`, {
      method: "DELETE",
    });
    expect(response.status).toBe(401);
  });
});
