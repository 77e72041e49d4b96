// Vitest global setup of the browser suite: one stack for all files, described to them via provide().
import type { TestProject } from "vitest/node";
import { startWidgetStack, type StackInfo } from "./stack";

declare module "vitest" {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { info, stop } = await startWidgetStack();
  project.provide("stack", info);
  return stop;
}
