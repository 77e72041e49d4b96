import { describe, expect, it } from "vitest";
import {
  API_KEY_SCOPES,
  permissions,
  ROLE_PERMISSIONS,
  ROUTE_PERMISSIONS,
} from "../../../worker/auth/permissions";
import type { Role } from "../../../worker/db/enums";

const docs = import.meta.glob<string>("../../../docs/permissions.md", {
  query: "?raw",
  import: "default",
  eager: true,
});
const text = Object.values(docs)[0] ?? "";
const ROLES: Role[] = ["owner", "admin", "editor", "viewer"];

function rows(pattern: RegExp): RegExpMatchArray[] {
  return [...text.matchAll(pattern)];
}

describe("docs/permissions.md", () => {
  it("lists every route with the permission the code requires", () => {
    const documented = Object.fromEntries(
      rows(/^\| `([A-Z]+ \/api\/v1[^`]*)` \| `([^`]+)` \|$/gm).map((m) => [m[1], m[2]]),
    );
    expect(documented).toEqual({ ...ROUTE_PERMISSIONS });
  });

  it("shows the same role matrix and API-key scopes as the code", () => {
    const documented = rows(/^\| `([a-z_]+:[a-z_]+)` \| (.+) \|$/gm).map((m) => [
      m[1],
      (m[2] ?? "").split(" | "),
    ]);
    const expected = permissions.map((p) => [
      p,
      [
        ...ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? "✓" : "—")),
        (API_KEY_SCOPES as readonly string[]).includes(p) ? "✓" : "—",
      ],
    ]);
    expect(documented).toEqual(expected);
  });
});
