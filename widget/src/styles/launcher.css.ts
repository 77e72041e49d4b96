// The loader's styles: a reset so the host page's CSS cannot leak in through inheritance, the theme's
// custom properties, and the launcher button. Applied with `adoptCss` (constructable sheet or nonce).
import { themeCss, type Theme } from "../shared/theme";

/** CSS for the shadow host and the launcher, for `theme`. */
export function launcherCss(theme: Theme): string {
  const side = theme.position === "left" ? "left" : "right";
  return `${themeCss(theme)}
:host{all:initial;position:fixed;z-index:2147483000;bottom:20px;${side}:20px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--coach-text)}
*,*::before,*::after{box-sizing:border-box}
.launcher{display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:12px 18px;border:0;border-radius:999px;background:var(--coach-primary);color:var(--coach-on-primary);font:inherit;font-weight:600;cursor:pointer;box-shadow:0 6px 20px rgb(0 0 0/.2);transition:transform .15s ease}
.launcher:hover{transform:translateY(-1px)}
.launcher:focus-visible{outline:3px solid var(--coach-text);outline-offset:3px}
.launcher[aria-expanded=true]{display:none}
.launcher svg{width:20px;height:20px;flex:none}
.launcher img{width:24px;height:24px;border-radius:50%;flex:none}
@media (prefers-reduced-motion:reduce){.launcher{transition:none}.launcher:hover{transform:none}}`;
}
