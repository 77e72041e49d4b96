// A workspace for the companion app's tests, with its widget's public key: the app lives at
// /app/<public key>/ and its API under /api/v1/app/<public key>/.
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

export async function workspaceWithApp(): Promise<{
  workspace: SeededWorkspace;
  publicKey: string;
}> {
  const workspace = await seedWorkspace();
  const widget = (await (
    await call("/api/v1/widget", { token: workspace.members.owner.token })
  ).json()) as { public_key: string };
  return { workspace, publicKey: widget.public_key };
}
