/**
 * HTTP layer only: builds the Hono app (context, signature check, routes, one error handler) and serves
 * it with @hono/node-server.
 */
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";
import { AppError } from "./errors";
import { cloudflareAccess } from "./http/access-auth";
import type { AppEnv } from "./http/app-env";
import { limitBody } from "./http/body-limit";
import { onError } from "./http/error-handler";
import { requestContext } from "./http/request-context";
import { ReplayCache, signatureAuth } from "./http/signature-auth";
import { MAX_DOCUMENT_BYTES } from "@coach/contracts/knowledge";
import { chatRoutes } from "./routes/chat";
import { contactRoutes } from "./routes/contacts";
import { ingestRoutes } from "./routes/ingest";
import { indexContentsRoutes } from "./routes/index-contents";
import { knowledgeRoutes } from "./routes/knowledge";
import { metricsBearer, opsRoutes } from "./routes/ops";
import type { BridgeServices } from "./services";

/**
 * Only `/health` is unsigned: it reports booleans and counts (no hosts, model names, tenants or errors),
 * which a load balancer or the tunnel's health check must be able to read without the secret.
 */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(["/health"]);

/** Largest accepted body: a 5 MB document as JSON, with room for escaping. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Builds the app. */
export function createApp(services: BridgeServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext(services.logger));
  // Before the signature check, which buffers the body to hash it. Originals (up to 25 MB) get their own limit.
  const limit = (maxSize: number) =>
    limitBody(maxSize, () => {
      throw new AppError(413, "body_too_large", `The body exceeds ${maxSize} bytes.`);
    });
  const defaultLimit = limit(MAX_BODY_BYTES);
  const uploadLimit = limit(MAX_DOCUMENT_BYTES);
  app.use((c, next) =>
    (c.req.path.startsWith("/v1/ingest/") ? uploadLimit : defaultLimit)(c, next),
  );
  // A scraper's bearer token is checked before Access and the signature, which it has neither of.
  if (services.metricsToken) app.get("/metrics", metricsBearer(services.metricsToken, services));
  if (services.access) app.use(cloudflareAccess(services.access, PUBLIC_PATHS));
  app.use(signatureAuth(services.secret, new ReplayCache(), PUBLIC_PATHS));
  app.route("/", opsRoutes(services));
  app.route("/", chatRoutes(services));
  app.route("/", knowledgeRoutes(services));
  app.route("/", ingestRoutes(services));
  app.route("/", indexContentsRoutes(services));
  app.route("/", contactRoutes());
  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: "No such route.", request_id: c.get("requestId") } },
      404,
    ),
  );
  app.onError(onError);
  return app;
}

/** A listening server. `close` stops accepting and resolves when open connections have ended. */
export interface RunningServer {
  port: number;
  server: ServerType;
  close(): Promise<void>;
}

/** Serves `app` on `hostname:port` (port 0 picks a free one). */
export function startServer(
  app: Hono<AppEnv>,
  options: { hostname: string; port: number },
): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.hostname, port: options.port },
      (info: AddressInfo) => {
        resolve({
          port: info.port,
          server,
          close: () =>
            new Promise<void>((done) => {
              // Keep-alive sockets that fall idle would otherwise hold close() open until they time out.
              const sweep = setInterval(
                () => "closeIdleConnections" in server && server.closeIdleConnections(),
                250,
              );
              server.close(() => {
                clearInterval(sweep);
                done();
              });
              if ("closeIdleConnections" in server) server.closeIdleConnections();
            }),
        });
      },
    );
  });
}
