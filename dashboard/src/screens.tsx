// Every signed-in screen, in navigation order: its route, its label in the menu (its header's title too),
// its header's description and its group. Adding a screen is one entry here.
import type { ComponentType } from "react";
import { AnalyticsScreen } from "./screens/analytics/analytics-screen";
import { ApiKeysScreen } from "./screens/api-keys/api-keys-screen";
import { AuditScreen } from "./screens/audit/audit-screen";
import { ChannelsScreen } from "./screens/channels/channels-screen";
import { CoachingRulesScreen } from "./screens/coaching-rules/coaching-rules-screen";
import { CorrectionsScreen } from "./screens/corrections/corrections-screen";
import { DataScreen } from "./screens/data/data-screen";
import { FleetScreen } from "./screens/fleet/fleet-screen";
import { GapsScreen } from "./screens/gaps/gaps-screen";
import { InboxScreen } from "./screens/inbox/inbox-screen";
import { IntegrationsScreen } from "./screens/integrations/integrations-screen";
import { KnowledgeScreen } from "./screens/knowledge/knowledge-screen";
import { OnboardingScreen } from "./screens/onboarding/onboarding-screen";
import { PersonaScreen } from "./screens/persona/persona-screen";
import { RevenueScreen } from "./screens/revenue/revenue-screen";
import { SafetyScreen } from "./screens/safety/safety-screen";
import { TeamScreen } from "./screens/team/team-screen";
import { WidgetScreen } from "./screens/widget/widget-screen";
import { lazyScreen } from "./lib/lazy-screen";
import type { ScreenTexts } from "./components/screen-header";

const ProgramsScreen = lazyScreen(() =>
  import("./screens/programs/programs-screen").then((m) => m.ProgramsScreen),
);

/** A screen's route, its place in the menu and (see ScreenTexts) what its header says. */
export type ScreenEntry = ScreenTexts & {
  /** The route pattern (react-router). */
  path: string;
  /** Where the menu links to. */
  to: string;
  group: "Start" | "Coach" | "Conversations" | "Workspace";
  Component: ComponentType;
};

export const screens: ScreenEntry[] = [
  {
    path: "/",
    to: "/",
    label: "Get started",
    description: "Four steps from your material to a coach on your site.",
    group: "Start",
    Component: OnboardingScreen,
  },
  {
    path: "/knowledge",
    to: "/knowledge",
    label: "Knowledge",
    description:
      "Your assistant answers from this material, and cites it. Upload what you teach: guides, course notes, FAQs.",
    group: "Coach",
    Component: KnowledgeScreen,
  },
  {
    path: "/corrections",
    to: "/corrections",
    label: "Corrections",
    description:
      "Answers in your own words. When someone asks one of these questions, or nearly the same, your assistant gives your answer word for word.",
    group: "Coach",
    Component: CorrectionsScreen,
  },
  {
    path: "/persona",
    to: "/persona",
    label: "Persona & voice",
    description:
      "How your assistant sounds and what it does when your material has no answer. Each save is a new version; the next answer uses it.",
    group: "Coach",
    Component: PersonaScreen,
  },
  {
    path: "/safety",
    to: "/safety",
    label: "Safety",
    description:
      "What your assistant does when someone is in a crisis, and what personal data it keeps from the model.",
    group: "Coach",
    Component: SafetyScreen,
  },
  {
    path: "/widget",
    to: "/widget",
    label: "Web widget",
    description:
      "Design the chat bubble for your site, choose where it may appear, and copy the snippet.",
    group: "Coach",
    Component: WidgetScreen,
  },
  {
    path: "/channels",
    to: "/channels",
    label: "Channels",
    description:
      "Reach your users where they already are. Conversations from every channel land in the same inbox.",
    group: "Coach",
    Component: ChannelsScreen,
  },
  {
    path: "/programs",
    to: "/programs",
    label: "Programs",
    description:
      "Guide people step by step: messages, check-ins, waits and branches, in your voice.",
    group: "Coach",
    Component: ProgramsScreen,
  },
  {
    path: "/coaching-rules",
    to: "/coaching-rules",
    label: "Coaching rules",
    description:
      "Messages your assistant sends on its own when someone enrolled in a program goes quiet, leaves check-ins unanswered or scores lower. Their quiet hours, daily limits and “stop” always come first.",
    group: "Coach",
    Component: CoachingRulesScreen,
  },
  {
    path: "/inbox/:conversationId?",
    to: "/inbox",
    label: "Inbox",
    description: "Every conversation on every channel. Step in when a user needs you.",
    group: "Conversations",
    Component: InboxScreen,
  },
  {
    path: "/gaps",
    to: "/gaps",
    label: "Gaps",
    description:
      "Questions your material did not answer well. Add what is missing and the assistant answers them next time.",
    group: "Conversations",
    Component: GapsScreen,
  },
  {
    path: "/analytics",
    to: "/analytics",
    label: "Analytics",
    description: "How your assistant is used and how well it answers.",
    group: "Conversations",
    Component: AnalyticsScreen,
  },
  {
    path: "/revenue",
    to: "/revenue",
    label: "Revenue",
    description: "What your memberships earn, and who your members are.",
    group: "Conversations",
    Component: RevenueScreen,
  },
  {
    path: "/team",
    to: "/team",
    label: "Team & roles",
    description: "Who can work in this workspace, and what each may do.",
    group: "Workspace",
    Component: TeamScreen,
  },
  {
    path: "/api-keys",
    to: "/api-keys",
    label: "API keys",
    description:
      "Let your own scripts and tools use the API. Each key can do only what its scopes allow.",
    group: "Workspace",
    Component: ApiKeysScreen,
  },
  {
    path: "/bridges",
    to: "/bridges",
    label: "Bridges",
    description:
      "The machines your assistant answers from. Every document is copied to each of them; a machine answers once it holds them all.",
    group: "Workspace",
    Component: FleetScreen,
  },
  {
    path: "/integrations",
    to: "/integrations",
    label: "Integrations",
    description:
      "Tell your other tools when something happens: we POST a signed JSON event to your URL and retry with back-off if it fails.",
    group: "Workspace",
    Component: IntegrationsScreen,
  },
  {
    path: "/audit",
    to: "/audit",
    label: "Audit log",
    description: "Every sign-in and management action in this workspace.",
    group: "Workspace",
    Component: AuditScreen,
  },
  {
    path: "/data",
    to: "/data",
    label: "Export & delete",
    description:
      "Your data is yours: take it with you, answer your users’ privacy requests, or close the workspace.",
    group: "Workspace",
    Component: DataScreen,
  },
];
