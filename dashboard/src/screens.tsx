// Every signed-in screen, in navigation order: its route, its label in the menu and its group. Adding a
// screen is one entry here.
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

const ProgramsScreen = lazyScreen(() =>
  import("./screens/programs/programs-screen").then((m) => m.ProgramsScreen),
);

export type ScreenEntry = {
  /** The route pattern (react-router). */
  path: string;
  /** Where the menu links to. */
  to: string;
  label: string;
  group: "Start" | "Coach" | "Conversations" | "Workspace";
  Component: ComponentType;
};

export const screens: ScreenEntry[] = [
  { path: "/", to: "/", label: "Get started", group: "Start", Component: OnboardingScreen },
  {
    path: "/knowledge",
    to: "/knowledge",
    label: "Knowledge",
    group: "Coach",
    Component: KnowledgeScreen,
  },
  {
    path: "/corrections",
    to: "/corrections",
    label: "Corrections",
    group: "Coach",
    Component: CorrectionsScreen,
  },
  {
    path: "/persona",
    to: "/persona",
    label: "Persona & voice",
    group: "Coach",
    Component: PersonaScreen,
  },
  { path: "/safety", to: "/safety", label: "Safety", group: "Coach", Component: SafetyScreen },
  { path: "/widget", to: "/widget", label: "Web widget", group: "Coach", Component: WidgetScreen },
  {
    path: "/channels",
    to: "/channels",
    label: "Channels",
    group: "Coach",
    Component: ChannelsScreen,
  },
  {
    path: "/programs",
    to: "/programs",
    label: "Programs",
    group: "Coach",
    Component: ProgramsScreen,
  },
  {
    path: "/coaching-rules",
    to: "/coaching-rules",
    label: "Coaching rules",
    group: "Coach",
    Component: CoachingRulesScreen,
  },
  {
    path: "/inbox/:conversationId?",
    to: "/inbox",
    label: "Inbox",
    group: "Conversations",
    Component: InboxScreen,
  },
  { path: "/gaps", to: "/gaps", label: "Gaps", group: "Conversations", Component: GapsScreen },
  {
    path: "/analytics",
    to: "/analytics",
    label: "Analytics",
    group: "Conversations",
    Component: AnalyticsScreen,
  },
  {
    path: "/revenue",
    to: "/revenue",
    label: "Revenue",
    group: "Conversations",
    Component: RevenueScreen,
  },
  { path: "/team", to: "/team", label: "Team & roles", group: "Workspace", Component: TeamScreen },
  {
    path: "/api-keys",
    to: "/api-keys",
    label: "API keys",
    group: "Workspace",
    Component: ApiKeysScreen,
  },
  {
    path: "/bridges",
    to: "/bridges",
    label: "Bridges",
    group: "Workspace",
    Component: FleetScreen,
  },
  {
    path: "/integrations",
    to: "/integrations",
    label: "Integrations",
    group: "Workspace",
    Component: IntegrationsScreen,
  },
  { path: "/audit", to: "/audit", label: "Audit log", group: "Workspace", Component: AuditScreen },
  {
    path: "/data",
    to: "/data",
    label: "Export & delete",
    group: "Workspace",
    Component: DataScreen,
  },
];
