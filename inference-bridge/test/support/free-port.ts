/**
 * Picks a free TCP port on 127.0.0.1 by binding port 0 and releasing it.
 */
import { createServer } from "node:net";

/** Resolves to a port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
