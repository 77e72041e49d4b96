// A workspace bridge's secrets, sealed with the channel-credential box (AES-GCM under
// CHANNEL_SECRETS_KEY, bound to the bridge's id so a sealed value copied to another row fails).
import { z } from "zod";
import { openSecrets, sealSecrets } from "../channels/secret-box";

const SealedSchema = z.object({
  secret: z.string().min(1),
  access_client_secret: z.string().min(1).optional(),
});
export type BridgeSecrets = z.infer<typeof SealedSchema>;

export function sealBridgeSecrets(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  bridgeId: string,
  secrets: BridgeSecrets,
): Promise<string> {
  return sealSecrets(env.CHANNEL_SECRETS_KEY, bridgeId, secrets);
}

/** Throws when the key changed or the row was tampered with. */
export async function openBridgeSecrets(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  bridgeId: string,
  sealed: string,
): Promise<BridgeSecrets> {
  return SealedSchema.parse(await openSecrets(env.CHANNEL_SECRETS_KEY, bridgeId, sealed));
}
