// The Ollama-protocol stand-in as a process of its own, so load benchmarks can measure its memory apart
// from the load generator and change its behaviour from outside: `POST /settings` (any StandInSettings
// field) on the control port in STAND_IN_CONTROL_PORT. Prints one line,
// `{"url": …}`, once it listens.
import { createServer } from "node:http";
import {
  OllamaStandIn,
  type StandInSettings,
} from "../../inference-bridge/test/support/ollama-stand-in";

const standIn = await OllamaStandIn.start(
  JSON.parse(process.env.STAND_IN_SETTINGS ?? "{}") as Partial<StandInSettings>,
);

const control = createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on("data", (part: Buffer) => parts.push(part));
  req.on("end", () => {
    const body = parts.length
      ? (JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>)
      : {};
    if (req.url === "/settings") Object.assign(standIn.settings, body);
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(standIn.stats));
  });
});
control.listen(Number(process.env.STAND_IN_CONTROL_PORT), "127.0.0.1", () =>
  console.log(JSON.stringify({ url: standIn.url })),
);
process.on("SIGTERM", () => void standIn.close().then(() => process.exit(0)));
