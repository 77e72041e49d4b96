// The widget's settings (dashboard) and its visitor sessions (visitors' browsers): origins are
// enforced, tokens are required and checked, and settings round-trip.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { mintVisitorToken } from "../../../worker/lib/visitor-token";
import { BASE, call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  createWorkspace,
  ORIGIN,
  openSession,
  requestSession,
  upgrade,
  type Workspace,
} from "../../support/widget-client";

type WidgetJson = {
  public_key: string;
  allowed_origins: string[];
  settings: { assistant_name: string; colors: { primary: string } };
};

describe("GET/PUT /api/v1/widget", () => {
  let seeded: SeededWorkspace;
  beforeAll(async () => {
    seeded = await seedWorkspace();
  });

  it("gives a new workspace a widget with a public key, default settings and no allowed origins", async () => {
    const res = await call("/api/v1/widget", { token: seeded.members.viewer.token });
    expect(res.status).toBe(200);
    const widget = (await res.json()) as WidgetJson;
    expect(widget.public_key).toMatch(/^pk_[A-Za-z0-9]{20,}$/);
    expect(widget.allowed_origins).toEqual([]);
    expect(widget.settings.assistant_name).toBe("Coach");
  });

  it("saves settings and allowed origins", async () => {
    const res = await call("/api/v1/widget", {
      method: "PUT",
      token: seeded.members.admin.token,
      body: {
        settings: { assistant_name: "Maya", colors: { primary: "#0f766e" } },
        allowed_origins: ["https://maya.example"],
      },
    });
    expect(res.status).toBe(200);
    const widget = (await (
      await call("/api/v1/widget", { token: seeded.members.viewer.token })
    ).json()) as WidgetJson;
    expect(widget.settings.assistant_name).toBe("Maya");
    expect(widget.settings.colors.primary).toBe("#0f766e");
    expect(widget.allowed_origins).toEqual(["https://maya.example"]);
  });

  it("keeps the settings a partial update leaves out", async () => {
    const put = (settings: object) =>
      call("/api/v1/widget", {
        method: "PUT",
        token: seeded.members.owner.token,
        body: { settings },
      });
    await put({ assistant_name: "Noor", colors: { primary: "#112233" } });
    await put({ greeting: "Welcome back", colors: { background: "#fafafa" } });
    const widget = (await (
      await call("/api/v1/widget", { token: seeded.members.viewer.token })
    ).json()) as WidgetJson & { settings: { greeting: string; colors: { background: string } } };
    expect(widget.settings).toMatchObject({
      assistant_name: "Noor",
      greeting: "Welcome back",
      colors: { primary: "#112233", background: "#fafafa" },
    });
  });

  it("refuses an allowed origin with a path", async () => {
    const res = await call("/api/v1/widget", {
      method: "PUT",
      token: seeded.members.owner.token,
      body: { allowed_origins: ["https://maya.example/page"] },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("validation_failed");
  });

  it("refuses a body over the default 1 MB limit with 413", async () => {
    const res = await call("/api/v1/widget", {
      method: "PUT",
      token: seeded.members.owner.token,
      body: { settings: { greeting: "x".repeat(1024 * 1024) } },
    });
    expect(res.status).toBe(413);
  });
});

describe("GET /api/v1/widget/config/:public_key", () => {
  it("names the assistant as the persona until the creator names the widget otherwise", async () => {
    const seeded = await seedWorkspace();
    const origin = "https://tide.example";
    const owner = seeded.members.owner.token;
    const widget = (await (
      await call("/api/v1/widget", {
        method: "PUT",
        token: owner,
        body: { allowed_origins: [origin] },
      })
    ).json()) as WidgetJson;
    const nameShown = async () => {
      const res = await exports.default.fetch(`${BASE}/api/v1/widget/config/${widget.public_key}`, {
        headers: { Origin: origin },
      });
      return ((await res.json()) as { settings: { assistant_name: string } }).settings
        .assistant_name;
    };
    expect(await nameShown()).toBe("Coach");
    const persona = (await (await call("/api/v1/persona", { token: owner })).json()) as {
      persona: Record<string, unknown>;
    };
    await call("/api/v1/persona", {
      method: "PUT",
      token: owner,
      body: { ...persona.persona, name: "Tide Guide" },
    });
    expect(await nameShown()).toBe("Tide Guide");
    await call("/api/v1/widget", {
      method: "PUT",
      token: owner,
      body: { settings: { assistant_name: "Tidy" } },
    });
    expect(await nameShown()).toBe("Tidy");
  });
});

describe("POST /api/v1/widget/session", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await createWorkspace();
  });

  it("mints a session for an allowed origin with a complete socket URL", async () => {
    const res = await requestSession(workspace.publicKey, ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    const session = (await res.json()) as Record<string, unknown>;
    expect(session).toEqual({
      visitor_token: expect.stringMatching(/^vt1\./),
      visitor_id: expect.stringMatching(/^v_/),
      conversation_id: expect.any(String),
      socket_url: expect.stringMatching(/^ws:\/\/edge\.test\/api\/v1\/widget\/socket\?token=vt1\./),
      expires_in: 900,
    });
  });

  it("refuses an origin the creator did not allow, readably but with no token", async () => {
    const res = await requestSession(workspace.publicKey, "https://evil.example");
    expect(res.status).toBe(403);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://evil.example");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe("origin_not_allowed");
    expect(text).not.toMatch(/vt1\./);
  });

  it("refuses a request without an Origin", async () => {
    expect((await requestSession(workspace.publicKey, null)).status).toBe(403);
  });

  it("answers an unknown public key with 404", async () => {
    const res = await requestSession("pk_doesnotexist", ORIGIN);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("widget_not_found");
  });

  it("returns the same visitor and conversation for a known visitor id", async () => {
    const first = await openSession(workspace);
    const again = await openSession(workspace, first.visitor_id);
    expect(again.visitor_id).toBe(first.visitor_id);
    expect(again.conversation_id).toBe(first.conversation_id);
  });

  it("does not adopt a visitor id this workspace never minted", async () => {
    const chosen = "v_attackerchosenid000000000000";
    const session = await openSession(workspace, chosen);
    expect(session.visitor_id).not.toBe(chosen);
  });

  it("keeps the browser's language on the visitor's contact, and refuses one that is not a language tag", async () => {
    const post = (body: object) =>
      exports.default.fetch(`${BASE}/api/v1/widget/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify({ public_key: workspace.publicKey, ...body }),
      });
    const first = await post({ locale: "es-MX" });
    expect(first.status).toBe(200);
    const { visitor_id } = (await first.json()) as { visitor_id: string };
    const locale = async () =>
      (
        await env.DB.prepare("SELECT locale FROM contacts WHERE external_id = ?")
          .bind(visitor_id)
          .first<{ locale: string | null }>()
      )?.locale;
    expect(await locale()).toBe("es-MX");
    expect((await post({ visitor_id, locale: "pt-BR" })).status).toBe(200);
    expect(await locale()).toBe("pt-BR");
    expect((await post({ visitor_id })).status).toBe(200);
    expect(await locale()).toBe("pt-BR");
    const refused = await post({ visitor_id, locale: "<script>" });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe("validation_failed");
    expect(await locale()).toBe("pt-BR");
  });

  it("never hands out another workspace's visitor", async () => {
    const other = await createWorkspace();
    const theirs = await openSession(other);
    const mine = await openSession(workspace, theirs.visitor_id);
    expect(mine.visitor_id).not.toBe(theirs.visitor_id);
    expect(mine.conversation_id).not.toBe(theirs.conversation_id);
  });
});

describe("GET /api/v1/widget/socket", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await createWorkspace();
  });

  it("opens for a valid token from the allowed origin", async () => {
    const res = await upgrade((await openSession(workspace)).socket_url);
    expect(res.status).toBe(101);
    res.webSocket?.accept();
    res.webSocket?.close();
  });

  it("refuses a missing token with 401", async () => {
    const res = await upgrade("ws://edge.test/api/v1/widget/socket");
    expect(res.status).toBe(401);
  });

  it("refuses a tampered token with 401", async () => {
    const { socket_url } = await openSession(workspace);
    // Not the last character: its low bits are base64url padding, so changing it may not change the signature.
    const res = await upgrade(
      socket_url.replace(
        /(.)(.{4})$/,
        (_, ch: string, rest: string) => (ch === "A" ? "B" : "A") + rest,
      ),
    );
    expect(res.status).toBe(401);
  });

  it("refuses an expired token with 401", async () => {
    const session = await openSession(workspace);
    const expired = await mintVisitorToken(env.VISITOR_TOKEN_SECRET, {
      tid: workspace.tenantId,
      cid: session.conversation_id,
      sub: "contact",
      org: ORIGIN,
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await upgrade(`ws://edge.test/api/v1/widget/socket?token=${expired}`)).status).toBe(
      401,
    );
  });

  it("refuses a foreign Origin with 403", async () => {
    const res = await upgrade((await openSession(workspace)).socket_url, "https://evil.example");
    expect(res.status).toBe(403);
  });

  it("asks for a WebSocket upgrade with 426", async () => {
    const { socket_url } = await openSession(workspace);
    const res = await call(socket_url.replace(/^ws:\/\/edge\.test/, ""));
    expect(res.status).toBe(426);
  });
});
