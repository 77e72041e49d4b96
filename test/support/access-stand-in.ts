// A stand-in for Cloudflare Access in front of the bridge's tunnel hostname, as strict as Access is for
// an application whose only policy is a Service Auth rule for one service token:
// - a request is let through only with both `CF-Access-Client-Id` and `CF-Access-Client-Secret` of that
//   token; Access then adds `Cf-Access-Jwt-Assertion`, an RS256 token signed by the team's key, whose
//   `aud` is the application's AUD tag and whose `common_name` is the token's Client ID
//   (developers.cloudflare.com/cloudflare-one/identity/service-tokens/,
//   …/identity/authorization-cookie/validating-json/);
// - any other request never reaches the origin: Access answers with a redirect to the team's login page
//   (its default; an application may opt into a plain 401 with `service_auth_401_redirect`), so a client
//   that follows redirects sees an HTML page, not an error;
// - the team's public keys are served at `/cdn-cgi/access/certs` (`keys`, a JWKS), which is where an
//   origin fetches them to verify the token; the stand-in's own origin plays the team domain.
import { createServer, request as forward, type IncomingMessage, type Server } from "node:http";
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { Jwt } from "hono/utils/jwt";
import type { HonoJsonWebKey } from "hono/utils/jwt/jws";

export type AccessStandIn = {
  /** The stand-in's origin: the address the edge calls, and the team domain (issuer, certs). */
  url: string;
  /** The Access application's AUD tag. */
  audience: string;
  /** Requests that reached the origin. */
  readonly forwarded: number;
  close(): Promise<void>;
};

export type AccessStandInOptions = {
  port: number;
  /** The protected origin (the bridge). */
  origin: string;
  /** The one service token the application's policy allows. */
  clientId: string;
  clientSecret: string;
};

function teamKeys(): { publicJwk: HonoJsonWebKey; privateJwk: HonoJsonWebKey } {
  const kid = `team-${randomUUID()}`;
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = (key: KeyObject) => ({ ...key.export({ format: "jwk" }), kid, alg: "RS256" });
  return {
    publicJwk: jwk(publicKey) as HonoJsonWebKey,
    privateJwk: jwk(privateKey) as HonoJsonWebKey,
  };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

export async function startAccessStandIn(options: AccessStandInOptions): Promise<AccessStandIn> {
  const keys = teamKeys();
  const audience = randomUUID().replaceAll("-", "").repeat(2);
  const { clientId, clientSecret } = options;
  const url = `http://127.0.0.1:${options.port}`;
  let forwarded = 0;

  const assertion = async () => {
    const now = Math.floor(Date.now() / 1000);
    return Jwt.sign(
      {
        type: "app",
        aud: [audience],
        iss: url,
        iat: now,
        nbf: now,
        exp: now + 24 * 3600,
        sub: "",
        common_name: clientId,
      },
      keys.privateJwk,
      "RS256",
    );
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === "GET" && req.url === "/cdn-cgi/access/certs") {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ keys: [keys.publicJwk] }));
        return;
      }
      const allowed =
        header(req, "CF-Access-Client-Id") === clientId &&
        header(req, "CF-Access-Client-Secret") === clientSecret;
      if (!allowed) {
        req.resume();
        const login = new URL(`/cdn-cgi/access/login/${header(req, "host") ?? ""}`, url);
        login.searchParams.set("kid", audience);
        login.searchParams.set("redirect_url", req.url ?? "/");
        res.writeHead(302, { Location: login.toString() }).end();
        return;
      }
      forwarded += 1;
      const target = new URL(req.url ?? "/", options.origin);
      const headers = {
        ...req.headers,
        host: target.host,
        "cf-access-jwt-assertion": await assertion(),
      };
      const upstream = forward(target, { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      // What Cloudflare answers when the tunnel's origin does not: a 502 page.
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/html" });
        res.end("<html><body>Bad gateway</body></html>");
      });
      req.pipe(upstream);
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return {
    url,
    audience,
    get forwarded() {
      return forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
