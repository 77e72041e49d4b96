// Sign-up without account enumeration: a new and an already registered email get the same answer in
// the same time; the existing account is left as it was and its owner is told at their next sign-in.
import { describe, expect, it } from "vitest";
import { call, freshEmail, PASSWORD, signIn, signUp } from "./helpers";

function register(email: string, password = PASSWORD) {
  return call("/api/v1/auth/register", { body: { email, password, full_name: "Someone" } });
}

function withoutRequestId(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value: unknown) =>
    key === "request_id" ? undefined : value,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe("registration and existing accounts", () => {
  it("a new and an already registered email get the same status and body", async () => {
    const { email } = await signUp();
    const existing = await register(email, "Another lantern 55");
    const fresh = await register(freshEmail(), "Another lantern 55");
    expect(existing.status).toBe(fresh.status);
    expect(withoutRequestId(await existing.json())).toEqual(withoutRequestId(await fresh.json()));
  });

  it("registering an existing email changes nothing of the account, and its owner is told at the next sign-in", async () => {
    const { email } = await signUp();
    await register(email, "Another lantern 55");
    await register(email.toUpperCase(), "Another lantern 56");
    expect((await signIn(email, "Another lantern 55")).status).toBe(401);
    const first = (await (await signIn(email, PASSWORD)).json()) as {
      notices: { code: string; count: number }[];
    };
    expect(first.notices).toEqual([
      expect.objectContaining({ code: "registration_attempted", count: 2 }),
    ]);
    const next = (await (await signIn(email, PASSWORD)).json()) as { notices: unknown[] };
    expect(next.notices).toEqual([]);
  });

  it("a new account signs in with the password it was registered with, into a workspace it owns", async () => {
    const email = freshEmail();
    const res = await register(email);
    expect(res.status).toBe(202);
    const session = await signIn(email, PASSWORD);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      user: { email },
      tenant: { role: "owner" },
      notices: [],
    });
  });

  it("an existing email takes as long as a new one (the password is hashed on both paths)", async () => {
    // Wide bounds, as in the login timing test: the machine is shared. Without the hash on the existing
    // path, it answers in a fraction of the new path's time, far below the lower bound.
    const existingEmails = [(await signUp()).email, (await signUp()).email, (await signUp()).email];
    const timed = async (email: string) => {
      const started = performance.now();
      await (await register(email, "Another lantern 55")).arrayBuffer();
      return performance.now() - started;
    };
    await timed(freshEmail());
    const existing: number[] = [];
    const fresh: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const email of existingEmails) {
        existing.push(await timed(email));
        fresh.push(await timed(freshEmail()));
      }
    }
    expect(median(existing)).toBeGreaterThan(median(fresh) * 0.5);
    expect(median(existing)).toBeLessThan(median(fresh) * 2);
  });
});
