// The API reference page at /docs: a small page that reads /openapi.json and lists every operation by
// resource, with who may call it, its parameters and its body's schema. No third-party script or font
// (the page works where the edge is the only origin reachable); its script is a separate file so the
// page's Content-Security-Policy allows no inline code.
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coach platform API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/docs.css">
<script src="/docs/docs.js" defer></script>
</head>
<body>
<header><h1>Coach platform API</h1><p id="intro">Loading the API description…</p>
<p><a href="/openapi.json">openapi.json</a> (OpenAPI 3.1)</p>
<input id="filter" type="search" placeholder="Filter by path, e.g. conversations" aria-label="Filter operations"></header>
<nav id="toc" aria-label="Resources"></nav>
<main id="operations"></main>
</body>
</html>`;

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
header{padding:24px 32px;background:#fff;border-bottom:1px solid #e3e6ec}
h1{margin:0 0 4px;font-size:24px}h2{margin:32px 0 8px;font-size:19px;text-transform:capitalize}
#filter{margin-top:8px;padding:8px 10px;width:min(420px,100%);border:1px solid #c9ced8;border-radius:6px;font:inherit}
nav{padding:12px 32px;display:flex;flex-wrap:wrap;gap:8px}nav a{color:#2f5bd3;text-decoration:none;text-transform:capitalize}
main{padding:0 32px 48px}details{background:#fff;border:1px solid #e3e6ec;border-radius:8px;margin:8px 0}
summary{cursor:pointer;padding:10px 14px;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.method{font:600 12px ui-monospace,monospace;padding:2px 8px;border-radius:4px;color:#fff;min-width:52px;text-align:center}
.get{background:#2f7d4f}.post{background:#2f5bd3}.put{background:#8a5a00}.patch{background:#6b4fbb}.delete{background:#b3261e}
code,.path{font-family:ui-monospace,monospace;font-size:13px}.who{color:#5b6475;font-size:13px}
.body{padding:0 14px 14px}pre{background:#f2f4f7;padding:10px;border-radius:6px;overflow:auto;font-size:12px;max-height:360px}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #eceef2;padding:4px 10px 4px 0;text-align:left}`;

export const DOCS_JS = `(async () => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  const doc = await (await fetch("/openapi.json")).json();
  const ops = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) ops.push({ path, method, op });
  document.getElementById("intro").textContent = doc.info.description + " " + ops.length + " operations.";
  const tags = [...new Set(ops.map((o) => o.op.tags[0]))].sort();
  const toc = document.getElementById("toc");
  const main = document.getElementById("operations");
  for (const tag of tags) {
    toc.append(el("a", { href: "#" + tag }, tag));
    const section = el("section", { id: tag }, el("h2", {}, tag));
    for (const { path, method, op } of ops.filter((o) => o.op.tags[0] === tag)) {
      const body = el("div", { class: "body" }, el("p", { class: "who" }, op.description));
      if (op.parameters.length) {
        const table = el("table", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"), el("th", {}, "Schema")));
        for (const p of op.parameters)
          table.append(el("tr", {}, el("td", {}, el("code", {}, p.name + (p.required ? "" : "?"))), el("td", {}, p.in), el("td", {}, el("code", {}, JSON.stringify(p.schema)))));
        body.append(table);
      }
      if (op.requestBody)
        for (const [type, media] of Object.entries(op.requestBody.content))
          body.append(el("p", {}, "Body (", el("code", {}, type), ")"), el("pre", {}, JSON.stringify(media.schema, null, 2)));
      const summary = el("summary", {}, el("span", { class: "method " + method }, method.toUpperCase()), el("span", { class: "path" }, path));
      section.append(el("details", { "data-path": path }, summary, body));
    }
    main.append(section);
  }
  document.getElementById("filter").addEventListener("input", (event) => {
    const q = event.target.value.trim().toLowerCase();
    for (const d of main.querySelectorAll("details")) d.hidden = q !== "" && !d.dataset.path.includes(q);
    for (const s of main.querySelectorAll("section")) s.hidden = !s.querySelector("details:not([hidden])");
  });
})();`;
