// What the widget and the companion app show of the persona, derived the same way for both: the name
// (the persona's while the widget's is still the default: "Tide Guide", not "Coach") and the languages
// their own words choose among (the persona's, else the widget's language setting).
import type { Persona } from "@coach/contracts/bridge";
import { DEFAULT_WIDGET_SETTINGS, type WidgetSettings } from "@coach/contracts/widget";

export type PersonaLook = { name: string; languages: string[] };

export function personaLook(settings: WidgetSettings, persona: Persona): PersonaLook {
  return {
    name:
      settings.assistant_name === DEFAULT_WIDGET_SETTINGS.assistant_name
        ? persona.name.slice(0, 60)
        : settings.assistant_name,
    languages: persona.languages?.length
      ? persona.languages
      : [persona.language ?? settings.language],
  };
}
