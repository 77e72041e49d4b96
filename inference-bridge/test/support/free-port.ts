/**
 * Picks a free TCP port on 127.0.0.1 by binding port 0 and releasing it. The kernel may hand the same
 * port out again right after it was released, so a port already given out by this process is never
 * given out twice: a stack asking for five ports in a row gets five different ones.
 */
import { createServer } from "node:net";

const handedOut = new Set<number>();

function bindAny(): Promise<number> {
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

/** Resolves to a port that was free a moment ago and that this process has not handed out before. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await bindAny();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}
