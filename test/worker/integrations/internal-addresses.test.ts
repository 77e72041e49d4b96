// Outgoing webhooks never reach internal addresses (issue 17, finding 4): loopback in every encoding,
// IPv6 forms that carry an internal IPv4, private, link-local, CGNAT, multicast, reserved and
// documentation ranges, and names that are not public or resolve to such addresses are refused at
// registration (400 with a code) and again at delivery, where a local listener must never be reached
// and the log says only "refused: internal address" or "delivery failed".
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { sealSecrets } from "../../../worker/channels/secret-box";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { webhookUrlProblem } from "../../../worker/integrations/webhook-url";
import { STAND_IN_DOMAIN } from "../../support/dns-stand-in";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";

type Delivery = {
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
};

/** Loopback, spelled every way a URL parser or a resolver accepts. */
const LOOPBACK = [
  "https://127.0.0.1/",
  "https://2130706433/",
  "https://0x7f000001/",
  "https://0177.0.0.1/",
  "https://127.1/",
  "https://0x7f.1/",
  "https://017700000001/",
  "https://127.0.0.1./",
  "https://127.255.255.254:8443/",
  "https://[::1]/",
  "https://[0:0:0:0:0:0:0:1]/",
  "https://[::ffff:127.0.0.1]/",
  "https://[::ffff:7f00:1]/",
  "https://[::ffff:0:127.0.0.1]/",
  "https://[::127.0.0.1]/",
  "https://[64:ff9b::127.0.0.1]/",
  "https://[2002:7f00:1::1]/",
  "https://localhost/",
  "https://LOCALHOST./",
  "https://api.localhost/",
  "http://2130706433/",
  "http://[::1]/",
];

/** Every other range a webhook has no business reaching. */
const OTHER_INTERNAL = [
  "https://0.0.0.0/",
  "https://0/",
  "https://[::]/",
  "https://169.254.169.254/latest/meta-data/",
  "https://[::ffff:169.254.169.254]/",
  "https://10.0.0.1/",
  "https://172.16.0.1/",
  "https://172.31.255.255/",
  "https://192.168.1.1/",
  "https://100.64.0.1/",
  "https://192.0.0.8/",
  "https://192.0.2.10/",
  "https://198.51.100.1/",
  "https://203.0.113.5/",
  "https://198.18.0.1/",
  "https://224.0.0.1/",
  "https://239.255.255.250/",
  "https://240.0.0.1/",
  "https://255.255.255.255/",
  "https://[fd00::1]/",
  "https://[fc00::1]/",
  "https://[fe80::1]/",
  "https://[fec0::1]/",
  "https://[ff02::1]/",
  "https://[64:ff9b:1::a00:1]/",
  "https://[2001:db8::1]/",
  "https://[2001::1]/",
  "https://[3fff::1]/",
  "https://[100::1]/",
  "https://[2002:a00:1::]/",
  "https://printer.local/",
  "https://metadata.google.internal/",
  "https://intranet/",
  "https://router.home.arpa/",
  "https://127.0.0.1.nip.io/",
  "https://10-0-0-1.sslip.io/",
  "https://app-7f000001.nip.io/",
  "https://--1.sslip.io/",
];

/** Names the DNS-over-HTTPS stand-in resolves to internal addresses. */
const RESOLVING_INTERNAL = [
  "loopback",
  "v6-loopback",
  "v6-mapped",
  "metadata",
  "via-cname",
  "mixed",
].map((label) => `https://${label}.${STAND_IN_DOMAIN}/hook`);

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function register(url: string) {
  return call("/api/v1/integrations/webhooks", {
    token: workspace.members.owner.token,
    body: { url, events: ["human.requested"] },
  });
}

async function tripwire(): Promise<{ port: number; connections: number }> {
  return (await (await fetch(`${env.TEST_WEBHOOK_RECEIVER_URL}/__tripwire`)).json()) as {
    port: number;
    connections: number;
  };
}

/** An endpoint stored as it might have been before the check existed (or before its name changed address). */
async function storedEndpoint(url: string): Promise<string> {
  const id = crypto.randomUUID();
  const secretEncrypted = await sealSecrets(env.CHANNEL_SECRETS_KEY, id, { secret: "whsec_test" });
  await forTenant(env.DB, workspace.tenantId).insert("webhookEndpoints", {
    id,
    url,
    events: ["human.requested"],
    secretEncrypted,
  });
  return id;
}

/** Gives a stand-in name an IPv4 address from now on. */
async function pointName(name: string, address: string): Promise<void> {
  await fetch(
    `${env.TEST_WEBHOOK_RECEIVER_URL}/__dns?${new URLSearchParams({ name, address }).toString()}`,
    { method: "POST" },
  );
}

/**
 * Sends the endpoint a ping and answers the delivery's log line once it was attempted. The dispatcher
 * sends it at once; its alarm is not run here, since a run stands for the retry time and would retry.
 */
async function pingOnce(endpointId: string): Promise<Delivery> {
  expect(
    (
      await call(`/api/v1/integrations/webhooks/${endpointId}/test`, {
        token: workspace.members.owner.token,
        body: {},
      })
    ).status,
  ).toBe(202);
  return eventually(async () => {
    const res = await call(`/api/v1/integrations/webhooks/${endpointId}/deliveries`, {
      token: workspace.members.owner.token,
    });
    const [delivery] = ((await res.json()) as { deliveries: Delivery[] }).deliveries;
    expect(delivery?.attempts).toBe(1);
    return delivery as Delivery;
  });
}

describe("registering a webhook", () => {
  for (const url of [...LOOPBACK, ...OTHER_INTERNAL, ...RESOLVING_INTERNAL]) {
    it(`refuses ${url} with webhook_url_internal`, async () => {
      const res = await register(url);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: "webhook_url_internal" });
    });
  }

  it("accepts public addresses and names, literal or resolved", async () => {
    const problems = await Promise.all(
      [
        "https://93.184.215.14/hook",
        "https://[2606:4700:4700::1111]/hook",
        "https://[::ffff:93.184.215.14]/",
        `https://public.${STAND_IN_DOMAIN}/hook`,
        "https://hooks.example.com/coach",
      ].map((url) => webhookUrlProblem(env, url)),
    );
    expect(problems).toEqual([null, null, null, null, null]);
    expect((await register(`https://public.${STAND_IN_DOMAIN}/hook`)).status).toBe(201);
  });

  it("without a reachable resolver, still refuses names that are not public and addresses spelled in names", async () => {
    const offline = {
      WEBHOOKS_ALLOW_LOCAL_HTTP: "false",
      WEBHOOKS_DOH_URL: "http://127.0.0.1:1/dns-query",
    };
    expect(await webhookUrlProblem(offline, "https://localhost/")).toMatchObject({
      code: "webhook_url_internal",
    });
    expect(await webhookUrlProblem(offline, "https://127.0.0.1.nip.io/")).toMatchObject({
      code: "webhook_url_internal",
    });
    expect(await webhookUrlProblem(offline, "http://127.0.0.1:8080/")).toMatchObject({
      code: "webhook_url_internal",
    });
    expect(await webhookUrlProblem(offline, "https://hooks.customer.com/")).toBeNull();
    // A resolver that answers SERVFAIL cannot tell either: the name rules decide.
    expect(await webhookUrlProblem(env, `https://servfail.${STAND_IN_DOMAIN}/`)).toBeNull();
  });

  it("allows local plain http only as 127.0.0.1 or localhost, spelled so, when WEBHOOKS_ALLOW_LOCAL_HTTP is set", async () => {
    const local = { WEBHOOKS_ALLOW_LOCAL_HTTP: "true", WEBHOOKS_DOH_URL: "" };
    expect(await webhookUrlProblem(local, "http://127.0.0.1:8080/hook")).toBeNull();
    expect(await webhookUrlProblem(local, "http://localhost:8080/hook")).toBeNull();
    for (const url of [
      "http://2130706433:8080/",
      "http://127.1:8080/",
      "http://[::1]:8080/",
      "http://localhost.:8080/",
      "http://127.0.0.2:8080/",
    ]) {
      expect(await webhookUrlProblem(local, url), url).toMatchObject({
        code: "webhook_url_internal",
      });
    }
  });
});

describe("delivering a webhook", () => {
  it("never connects to an internal address stored before the check, and logs only that it refused", async () => {
    const { port, connections } = await tripwire();
    const urls = [
      `http://2130706433:${port}/hook`,
      `http://0x7f.1:${port}/hook`,
      `https://127.1:${port}/hook`,
      `https://[::ffff:127.0.0.1]:${port}/hook`,
      `http://localhost.:${port}/hook`,
    ];
    for (const url of urls) {
      expect(await pingOnce(await storedEndpoint(url)), url).toMatchObject({
        status: "failed",
        last_status_code: null,
        last_error: "refused: internal address",
        next_attempt_at: null,
      });
    }
    expect((await tripwire()).connections).toBe(connections);
  });

  it("re-resolves the name at delivery: a name that now points at loopback is refused", async () => {
    const { port, connections } = await tripwire();
    // Not "-" and 8 hex digits: the name rules read such a label as an IPv4 address (e.g. "-7f000001").
    const name = `rebind-x${crypto.randomUUID().slice(0, 8)}.${STAND_IN_DOMAIN}`;
    await pointName(name, "93.184.215.14");
    const res = await register(`https://${name}:${port}/hook`);
    expect(res.status).toBe(201);
    await pointName(name, "127.0.0.1");
    const { id } = (await res.json()) as { id: string };
    expect(await pingOnce(id)).toMatchObject({
      status: "failed",
      last_error: "refused: internal address",
    });
    expect((await tripwire()).connections).toBe(connections);
  });

  it("does not follow a redirect, even to a local listener", async () => {
    const { connections } = await tripwire();
    const id = await storedEndpoint(`${env.TEST_WEBHOOK_RECEIVER_URL}/hooks/redirecting/redirect`);
    expect(await pingOnce(id)).toMatchObject({
      status: "pending",
      last_status_code: 302,
      last_error: "delivery failed",
    });
    expect((await tripwire()).connections).toBe(connections);
  });

  it("says the same about a closed port, a listener that hangs up, and an error answer: delivery failed", async () => {
    const { port } = await tripwire();
    const closed = await pingOnce(await storedEndpoint("http://127.0.0.1:1/hook"));
    const hungUp = await pingOnce(await storedEndpoint(`http://127.0.0.1:${port}/hook`));
    const erring = await pingOnce(
      await storedEndpoint(`${env.TEST_WEBHOOK_RECEIVER_URL}/hooks/erring/fail-5`),
    );
    expect([closed.last_error, hungUp.last_error, erring.last_error]).toEqual([
      "delivery failed",
      "delivery failed",
      "delivery failed",
    ]);
    expect([closed.last_status_code, hungUp.last_status_code, erring.last_status_code]).toEqual([
      null,
      null,
      500,
    ]);
  });
});
