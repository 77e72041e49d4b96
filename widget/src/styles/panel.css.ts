// The chat panel's styles. Logical properties (inline-start/end) so right-to-left languages mirror
// without extra rules; full screen below 480 px; motion only when the visitor has not asked for less.

/** CSS for the chat panel (colours come from the theme's custom properties on the host). */
export function panelCss(): string {
  return `
.panel{position:fixed;bottom:20px;inset-inline:auto;width:min(380px,calc(100vw - 40px));height:min(620px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--coach-bg);color:var(--coach-text);border-radius:16px;box-shadow:0 12px 40px rgb(0 0 0/.25);overflow:hidden;animation:coach-in .18s ease-out}
[hidden]{display:none!important}
.panel.right{right:20px}.panel.left{left:20px}
@keyframes coach-in{from{opacity:0;transform:translateY(12px)}}
header{display:flex;align-items:center;gap:10px;padding:12px 14px;background:var(--coach-primary);color:var(--coach-on-primary)}
header img{width:32px;height:32px;border-radius:50%}
header h2{flex:1;margin:0;font-size:16px;font-weight:650}
.status{font-size:12px;opacity:.9;display:block;font-weight:400}
button{font:inherit;cursor:pointer}
.icon{display:grid;place-items:center;width:36px;height:36px;padding:0;border:0;border-radius:8px;background:transparent;color:inherit}
.icon svg{width:20px;height:20px}
.icon:focus-visible,.send:focus-visible,.chip:focus-visible,.retry:focus-visible,.cite:focus-visible,summary:focus-visible,.sources li:focus-visible,a:focus-visible,.link:focus-visible,textarea:focus-visible{outline:3px solid var(--coach-primary);outline-offset:2px}
header .icon:focus-visible{outline-color:var(--coach-on-primary)}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;margin:0;padding:14px;list-style:none;display:flex;flex-direction:column;gap:10px;overflow-anchor:none}
.msg{max-width:85%;display:flex;flex-direction:column;gap:4px;contain:layout}
.msg.user{align-self:flex-end;align-items:flex-end}
.msg.assistant,.msg.creator,.msg.system{align-self:flex-start}
.bubble{padding:9px 12px;border-radius:14px;overflow-wrap:anywhere;white-space:normal;min-height:2.3em}
.user .bubble{background:var(--coach-primary);color:var(--coach-on-primary);border-end-end-radius:4px}
.assistant .bubble,.creator .bubble,.system .bubble{background:color-mix(in srgb,var(--coach-text) 7%,var(--coach-bg));border-end-start-radius:4px}
.creator .bubble{background:color-mix(in srgb,var(--coach-primary) 14%,var(--coach-bg));border-inline-start:3px solid var(--coach-primary)}
.author{font-size:12px;font-weight:600;opacity:.8}
.bubble p,.bubble ul,.bubble ol,.bubble pre{margin:0 0 .5em}.bubble>:last-child{margin-bottom:0}
.bubble ul,.bubble ol{padding-inline-start:1.3em}
.bubble code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;background:rgb(0 0 0/.07);padding:1px 4px;border-radius:4px}
.bubble pre{overflow-x:auto;padding:8px;background:rgb(0 0 0/.07);border-radius:6px}.bubble pre code{background:none;padding:0}
.bubble a{color:inherit;text-decoration:underline}
.meta{font-size:12px;opacity:.75;display:flex;gap:6px;align-items:center}
.failed .meta{opacity:1;color:#b91c1c}
.retry{border:0;background:none;color:inherit;text-decoration:underline;padding:0}
.sources{font-size:12px;margin:0;padding:6px 10px;border-inline-start:3px solid var(--coach-primary);background:color-mix(in srgb,var(--coach-primary) 6%,var(--coach-bg))}
.sources strong{display:block}.sources ol{margin:2px 0 0;padding-inline-start:1.4em}.sources li{margin:2px 0}
.sources summary{cursor:pointer}.src-place{opacity:.8}.snippet{margin:4px 0 2px;padding-inline-start:8px;border-inline-start:2px solid color-mix(in srgb,var(--coach-text) 25%,transparent);font-style:italic}
.cite{border:0;background:none;padding:0 2px;font-size:12px;line-height:1;color:inherit;text-decoration:underline;font-weight:600}
.origin{margin:0;font-size:12px;opacity:.85}
.origin.general{opacity:1;align-self:flex-start;padding:2px 8px;border-radius:999px;background:#fef3c7;color:#78350f}
.typing{align-self:flex-start;font-size:13px;opacity:.8;display:flex;gap:6px;align-items:center;min-height:20px}
.dots{display:inline-flex;gap:3px}.dots i{width:6px;height:6px;border-radius:50%;background:currentColor;animation:coach-dot 1s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}
@keyframes coach-dot{50%{opacity:.2}}
.notice{margin:0 14px;padding:8px 10px;font-size:13px;border-radius:8px;background:#fef3c7;color:#78350f}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0 14px 8px}
.replies{display:flex;flex-wrap:wrap;gap:6px}
.chip{border:1px solid var(--coach-primary);background:var(--coach-bg);color:var(--coach-text);border-radius:999px;padding:5px 10px;font-size:13px}
.chip.primary{background:var(--coach-primary);color:var(--coach-on-primary)}
.chip:disabled{opacity:.6;cursor:default}
.program{display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:8px 14px;font-size:13px;border-bottom:1px solid color-mix(in srgb,var(--coach-text) 15%,transparent)}
.program p{margin:0;flex:1 1 12em}
.program-actions{display:flex;gap:6px}
.program.error p{color:#b91c1c}
form{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid color-mix(in srgb,var(--coach-text) 15%,transparent)}
textarea{flex:1;resize:none;min-height:42px;max-height:120px;padding:10px;border:1px solid color-mix(in srgb,var(--coach-text) 35%,transparent);border-radius:10px;font:inherit;color:var(--coach-text);background:var(--coach-bg)}
.send{min-height:42px;padding:0 14px;border:0;border-radius:10px;background:var(--coach-primary);color:var(--coach-on-primary);font-weight:600}
.send.stop{background:var(--coach-text);color:var(--coach-bg)}
.send:disabled{opacity:.6;cursor:default}
.more{display:flex;gap:14px;padding:0 14px 8px;font-size:12px}
.link{border:0;background:none;color:inherit;text-decoration:underline;padding:2px 0}
.extras{flex:none}
.sheet{max-height:220px;overflow-y:auto;padding:8px 14px 10px;font-size:13px;border-top:1px solid color-mix(in srgb,var(--coach-text) 15%,transparent)}
.sheet p{margin:0 0 6px}.sheet p:empty{display:none}.sheet a{color:inherit;text-decoration:underline}
.sheet .error{color:#b91c1c}.code{font:600 15px ui-monospace,Menlo,monospace;letter-spacing:.08em}
.plans{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.plans li{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0;bottom:0}.panel.right,.panel.left{right:0;left:0}}
@media (prefers-reduced-motion:reduce){.panel{animation:none}.dots i{animation:none}}`;
}
