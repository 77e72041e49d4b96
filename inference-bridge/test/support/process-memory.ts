/**
 * Resident memory of a process and of its descendants, read from `/proc` (Linux), and a sampler that
 * keeps the peaks while something runs: the figures behind "memory returns to its level before".
 */
import { readFileSync } from "node:fs";

/** Resident memory of `pid` in MB, or 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    return (
      Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) /
      1024
    );
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Resident memory of `pid` and every process below it, in MB. */
export function treeRssMb(pid: number): number {
  return rssMb(pid) + children(pid).reduce((sum, child) => sum + treeRssMb(child), 0);
}

/** Samples `pid` (and its tree) every `everyMs` until stopped; resolves to the peaks in MB. */
export function sampleRss(
  pid: number,
  everyMs = 25,
): { stop(): { peakMb: number; peakTreeMb: number } } {
  let peakMb = rssMb(pid);
  let peakTreeMb = treeRssMb(pid);
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, rssMb(pid));
    peakTreeMb = Math.max(peakTreeMb, treeRssMb(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakMb, peakTreeMb };
    },
  };
}
