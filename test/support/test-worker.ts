// The Worker as the edge tests run it: the production entry, with the CoachingAgent whose clock tests
// can pin in place of the production class (see test-coaching-agent.ts).
export * from "../../worker/index";
export { default } from "../../worker/index";
export { TestCoachingAgent as CoachingAgent } from "./test-coaching-agent";
