// The widget's only way to build DOM: elements from tag, properties and children, where every string
// child becomes a text node. Nothing here parses HTML, so user or model text can never become markup.

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined>;

/**
 * Creates `<tag>` with attributes (`on…` functions become listeners, `false`/`undefined` are skipped)
 * and children (strings become text nodes).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/**
 * Adds `css` to a shadow root: as a constructable stylesheet where supported (no `<style>` element,
 * so a strict host CSP needs no `unsafe-inline`), else as `<style nonce>` with the loader's nonce.
 */
export function adoptCss(root: ShadowRoot, css: string, nonce: string): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = h("style", nonce ? { nonce } : {}, css);
  root.appendChild(style);
}

/** A 24×24 stroked icon from one SVG path, hidden from assistive technology (its button has the label). */
export function svgIcon(path: string): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const p = document.createElementNS(ns, "path");
  const attributes: [string, string][] = [
    ["d", path],
    ["fill", "none"],
    ["stroke", "currentColor"],
    ["stroke-width", "2"],
    ["stroke-linecap", "round"],
    ["stroke-linejoin", "round"],
  ];
  for (const [name, value] of attributes) p.setAttribute(name, value);
  svg.appendChild(p);
  return svg;
}
