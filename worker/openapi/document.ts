// The API's OpenAPI 3.1 description, generated from the app's own route table: every route under
// /api/v1 with its path parameters, the JSON body or query parameters its validating middleware checks
// (the same zod schemas, through zod's JSON Schema output), and who may call it (ROUTE_PERMISSIONS:
// public, any signed-in person, or a permission an API key can hold as a scope). Nothing is written by
// hand except the few bodies read without a validating middleware (uploads, the bridge's signed
// callbacks), described below from their own schemas.
import {
  IngestStatusCallbackSchema,
  PassagesCallbackSchema,
  QuestionReportSchema,
  ReindexRequestSchema,
} from "@coach/contracts/knowledge";
import { z } from "zod";
import { API_KEY_SCOPES, ROUTE_PERMISSIONS, type RouteRequirement } from "../auth/permissions";
import { DirectEntrySchema } from "../knowledge/upload";
import { schemaMarkOf, type SchemaMark } from "../lib/route-schemas";
import { HANDLER_RESPONSES } from "./handler-responses";

type RouteEntry = { method: string; path: string; handler: object };
type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const API_PREFIX = "/api/v1";

/** The JSON Schema of what a client sends: input types, defaults optional, anything zod cannot say left open. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

const jsonContent = (schema: z.ZodType) => ({
  "application/json": { schema: jsonSchema(schema) },
});

/** Bodies read by the handler itself rather than by a validating middleware. */
const HANDLER_BODIES: Readonly<Record<string, { description: string; content: JsonSchema }>> = {
  "POST /api/v1/knowledge/documents": {
    description:
      "A file (PDF, DOCX, Markdown, plain text, CSV or Q&A JSON, at most 25 MB) as multipart/form-data, or text or question-and-answer pairs entered directly as JSON.",
    content: {
      "multipart/form-data": {
        schema: {
          type: "object",
          required: ["file"],
          properties: {
            file: { type: "string", contentMediaType: "application/octet-stream" },
            title: { type: "string", maxLength: 200 },
          },
        },
      },
      ...jsonContent(DirectEntrySchema),
    },
  },
  "POST /api/v1/bridge/documents/{id}/status": {
    description:
      "Signed by the inference bridge with its own secret (X-Bridge-Timestamp, X-Bridge-Signature); `bridge_id` names it when the edge sent one with the ingestion, and a callback signed with another bridge's secret is refused.",
    content: jsonContent(IngestStatusCallbackSchema),
  },
  "POST /api/v1/bridge/documents/{id}/passages": {
    description:
      "Signed by the inference bridge (X-Bridge-Timestamp, X-Bridge-Signature): a batch of a document's chunk texts, kept for answers when no bridge is up.",
    content: jsonContent(PassagesCallbackSchema),
  },
  "POST /api/v1/bridge/questions": {
    description: "Signed by the inference bridge (X-Bridge-Timestamp, X-Bridge-Signature).",
    content: jsonContent(QuestionReportSchema),
  },
  "POST /api/v1/bridge/reindex-requests": {
    description: "Signed by the inference bridge (X-Bridge-Timestamp, X-Bridge-Signature).",
    content: jsonContent(ReindexRequestSchema),
  },
  "POST /api/v1/billing/stripe/webhook": {
    description:
      "A Stripe event (https://docs.stripe.com/api/events/object) as Stripe sends it, signed with the endpoint's secret in Stripe-Signature (t=…,v1=…; five minutes of tolerance).",
    content: {
      "application/json": {
        schema: {
          type: "object",
          required: ["id", "type", "data"],
          properties: {
            id: { type: "string" },
            type: { type: "string" },
            data: { type: "object", properties: { object: { type: "object" } } },
          },
        },
      },
    },
  },
};

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "request_id"],
      properties: {
        code: { type: "string", description: "Machine-readable; see contracts/src/errors.ts." },
        message: { type: "string", description: "A sentence a person can act on." },
        request_id: { type: "string" },
        details: {},
      },
    },
  },
};

/** `/conversations/:id/messages` → `/conversations/{id}/messages`, and its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function security(requirement: RouteRequirement | undefined): {
  security: Record<string, string[]>[];
  note: string;
} {
  if (requirement === "public") return { security: [], note: "No workspace credentials." };
  if (requirement === "self" || requirement === undefined)
    return { security: [{ accessToken: [] }], note: "A signed-in person, on their own account." };
  const keyMayCall = (API_KEY_SCOPES as readonly string[]).includes(requirement);
  return {
    security: keyMayCall ? [{ accessToken: [] }, { apiKey: [] }] : [{ accessToken: [] }],
    note: keyMayCall
      ? `Requires \`${requirement}\`: a member whose role allows it, or an API key with that scope.`
      : `Requires \`${requirement}\`: a member whose role allows it.`,
  };
}

function queryParameters(mark: SchemaMark): JsonSchema[] {
  const schema = jsonSchema(mark.schema);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
  }));
}

function operation(method: string, path: string, handlers: object[]): Operation {
  const key = `${method} ${path}`;
  const { path: templated, params } = openApiPath(path);
  const marks = handlers.map(schemaMarkOf).filter((m): m is SchemaMark => m !== undefined);
  const body = marks.find((m) => m.in === "json");
  const query = marks.find((m) => m.in === "query");
  const access = security(ROUTE_PERMISSIONS[key]);
  const tag = path.slice(API_PREFIX.length + 1).split("/")[0] ?? "api";
  const op: Operation = {
    operationId: `${method.toLowerCase()}${templated.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: `${method} ${templated}`,
    description: access.note,
    tags: [tag],
    security: access.security,
    parameters: [
      ...params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(query ? queryParameters(query) : []),
    ],
    responses: {
      "2XX": HANDLER_RESPONSES[`${method} ${templated}`] ?? { description: "Success." },
      default: {
        description: "An error, with its status and code.",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    },
  };
  const handlerBody = HANDLER_BODIES[`${method} ${templated}`];
  if (body) op.requestBody = { required: !body.optional, content: jsonContent(body.schema) };
  else if (handlerBody) op.requestBody = { required: true, ...handlerBody };
  return op;
}

/** The OpenAPI 3.1 document of every route under /api/v1 in `routes` (Hono's `app.routes`). */
export function openApiDocument(routes: readonly RouteEntry[], serverUrl: string): JsonSchema {
  const grouped = new Map<string, { method: string; path: string; handlers: object[] }>();
  for (const route of routes) {
    // Middleware mounted for every method and path ("ALL", "/*") validates nothing of its own.
    if (route.method === "ALL" || !route.path.startsWith(`${API_PREFIX}/`)) continue;
    const path = route.path.replace(/\/$/, "");
    if (path.endsWith("*")) continue;
    const key = `${route.method} ${path}`;
    const group = grouped.get(key) ?? { method: route.method, path, handlers: [] };
    group.handlers.push(route.handler);
    grouped.set(key, group);
  }
  const paths: Record<string, Record<string, Operation>> = {};
  for (const { method, path, handlers } of grouped.values()) {
    const templated = openApiPath(path).path;
    paths[templated] ??= {};
    paths[templated][method.toLowerCase()] = operation(method, path, handlers);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Coach platform API",
      version: "1",
      description:
        'The creators\' API: workspaces, members, knowledge, persona, safety (crisis resources, what the model is sent), conversations, channels, programs and analytics. Errors are `{"error":{"code","message","request_id"}}`. Generated from the routes and the zod schemas they validate with.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        accessToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "An access token from POST /api/v1/auth/login (RS256, 15 minutes), renewed with POST /api/v1/auth/refresh.",
        },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key (`ck_…`) created in the dashboard or with POST /api/v1/api-keys, sent as `Authorization: Bearer ck_…`; it may call the routes its scopes allow.",
        },
      },
    },
  };
}
