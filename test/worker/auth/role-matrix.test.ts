import { describe, expect, it } from "vitest";
import { permissions, roleAllows, ROUTE_PERMISSIONS } from "../../../worker/auth/permissions";
import type { Role } from "../../../worker/db/enums";
import { call, seedWorkspace } from "./helpers";
import { apiRoutes, concretePath, protectedRoutes, sendsBody } from "./routes";

const ROLES: Role[] = ["owner", "admin", "editor", "viewer"];

describe("the permission matrix", () => {
  it("has an entry for every route the app serves", () => {
    const missing = apiRoutes()
      .filter((r) => r.requirement === undefined)
      .map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it("has no entry for a route that does not exist", () => {
    const served = new Set(apiRoutes().map((r) => r.key));
    expect(Object.keys(ROUTE_PERMISSIONS).filter((key) => !served.has(key))).toEqual([]);
  });

  it("names only permissions that exist", () => {
    const known = new Set<string>([...permissions, "public", "self"]);
    expect(Object.values(ROUTE_PERMISSIONS).filter((p) => !known.has(p))).toEqual([]);
  });
});

describe("every route × every role", () => {
  for (const route of protectedRoutes()) {
    it(`${route.key} (${route.requirement ?? "no entry"})`, async () => {
      const requirement = route.requirement;
      expect(requirement).toBeDefined();
      // A fresh workspace per route, so a destructive call (erasing one's account) cannot affect the next.
      const workspace = await seedWorkspace();
      const outcomes: string[] = [];
      for (const role of ROLES) {
        const allowed =
          requirement === "self" ||
          (requirement !== undefined && requirement !== "public" && roleAllows(role, requirement));
        const res = await call(concretePath(route.path), {
          method: route.method,
          token: workspace.members[role].token,
          body: sendsBody(route.method) ? {} : undefined,
        });
        const verdict =
          res.status === 403
            ? "denied"
            : res.status === 401 || res.status >= 500
              ? `status ${res.status}`
              : "allowed";
        if (verdict !== (allowed ? "allowed" : "denied"))
          outcomes.push(`${role}: expected ${allowed ? "allowed" : "403"}, got ${res.status}`);
      }
      expect(outcomes).toEqual([]);
    });
  }
});
