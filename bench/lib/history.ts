// Reads a conversation's whole stored log the way a returning widget does: a socket that says
// `hello {last_seq: 0}` and collects the replay up to the `last_seq` the welcome announced.
import WebSocket from "ws";
import type { MessageView, ServerFrame } from "@coach/contracts/socket";
import { BENCH_ORIGIN } from "./edge-stack";

/** The stored messages of the conversation behind `socketUrl`, oldest first. */
export function readHistory(socketUrl: string, timeoutMs = 30_000): Promise<MessageView[]> {
  return new Promise((resolve, reject) => {
    const messages: MessageView[] = [];
    let lastSeq = -1;
    const ws = new WebSocket(socketUrl, { headers: { Origin: BENCH_ORIGIN } });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(
        new Error(`history not complete within ${timeoutMs} ms (${messages.length} messages)`),
      );
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      ws.close(1000, "read");
      resolve(messages);
    };
    ws.on("open", () => ws.send(JSON.stringify({ type: "hello", last_seq: 0 })));
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === "welcome") lastSeq = frame.last_seq;
      if (frame.type === "message") messages.push(frame);
      if (lastSeq === 0 || (frame.type === "message" && frame.seq >= lastSeq)) finish();
    });
    ws.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
