// Hostile payloads for the XSS test: HTML, attribute, URL and Markdown vectors, each of which bumps
// `window.__pwned` if it ever executes, in several Markdown contexts (plain, bold, list item, link
// text, emphasis) so the renderer's every path sees them.

const P = "window.__pwned++";

const VECTORS = [
  `<script>${P}</script>`,
  `<img src=x onerror="${P}">`,
  `<img src="x" onerror="window['__pw'+'ned']++">`,
  `<svg onload="${P}">`,
  `<svg><script>${P}</script></svg>`,
  `<iframe src="javascript:parent.__pwned++"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned++</script>"></iframe>`,
  `<body onload=${P}>`,
  `<details open ontoggle=${P}>`,
  `<input autofocus onfocus=${P}>`,
  `<video><source onerror="${P}"></video>`,
  `<audio src=x onerror=${P}>`,
  `<object data="javascript:${P}">`,
  `<embed src="javascript:${P}">`,
  `<a href="javascript:${P}">click</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${P}>`,
  `<style>@import 'javascript:${P}'</style>`,
  `<link rel=stylesheet href="javascript:${P}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `<form action="javascript:${P}"><button>go</button></form>`,
  `"><img src=x onerror=${P}>`,
  `'><svg/onload=${P}>`,
  `</textarea><script>${P}</script>`,
  `</li><img src=x onerror=${P}>`,
  `<noscript><p title="</noscript><img src=x onerror=${P}>">`,
  `<template><img src=x onerror=${P}></template>`,
  `<div style="background:url(javascript:${P})">x</div>`,
  `<svg><animate onbegin=${P} attributeName=x dur=1s>`,
  `<svg><a href="javascript:${P}"><text>x</text></a></svg>`,
  `<select autofocus onfocus=${P}>`,
  `<img src=x onerror=&#x77;indow.__pwned++>`,
  `&lt;img src=x onerror=${P}&gt;`,
  `javascript:${P}`,
  `[click me](javascript:${P})`,
  `[click](JaVaScRiPt:${P})`,
  `[click](java\tscript:${P})`,
  `[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZCsrPC9zY3JpcHQ+)`,
  `[vb](vbscript:msgbox(1))`,
  `![tracker](https://evil.example/pixel.png)`,
  `![img](javascript:${P})`,
  `![x](x" onerror="${P})`,
  `[ok](https://ok.example" onclick="${P})`,
  "`<img src=x onerror=window.__pwned++>`",
  "```\n<script>window.__pwned++</script>\n```",
  `<a href="data:text/html,<script>${P}</script>">data</a>`,
];

const CONTEXTS: ((v: string) => string)[] = [
  (v) => v,
  (v) => `**${v}**`,
  (v) => `- ${v}`,
  (v) => `[${v}](https://example.com/)`,
  (v) => `_${v}_`,
];

/** Every vector in every context: 225 payloads. */
export const PAYLOADS: string[] = CONTEXTS.flatMap((wrap) => VECTORS.map(wrap));

/** Payloads grouped into messages small enough for the protocol's 4000-character limit. */
export function payloadMessages(perMessage = 25): string[] {
  const out: string[] = [];
  for (let i = 0; i < PAYLOADS.length; i += perMessage)
    out.push(PAYLOADS.slice(i, i + perMessage).join("\n"));
  return out;
}
