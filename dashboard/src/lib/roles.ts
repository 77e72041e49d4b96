// The workspace roles in the order the dashboard offers them, and what each may do in a sentence.
import type { Role } from "@coach/contracts/account-views";

export const ROLES: Role[] = ["owner", "admin", "editor", "viewer"];

export const ROLE_HELP: Record<Role, string> = {
  owner: "Everything, including billing-level decisions and personal-data requests.",
  admin: "Everything except personal-data requests.",
  editor: "Material, persona and conversations.",
  viewer: "Reads everything, changes nothing.",
};
