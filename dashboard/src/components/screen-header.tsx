// The header of a signed-in screen. Its title (the screen's label in the menu) and description are
// written once, in screens.tsx; app.tsx hands each screen its entry through CurrentScreen.
import { createContext, useContext, type ReactNode } from "react";
import { PageHeader } from "./ui";

/** What a screen's header says: its label in the menu and one sentence on what the screen is for. */
export type ScreenTexts = { label: string; description: string };

/** The entry of screens.tsx whose screen is on show. */
export const CurrentScreen = createContext<ScreenTexts | null>(null);

/** The current screen's page header, titled with its label unless `title` says otherwise. */
export function ScreenHeader({ title, actions }: { title?: string; actions?: ReactNode }) {
  const screen = useContext(CurrentScreen);
  if (!screen) throw new Error("ScreenHeader is for the screens of screens.tsx");
  return (
    <PageHeader title={title ?? screen.label} description={screen.description} actions={actions} />
  );
}
