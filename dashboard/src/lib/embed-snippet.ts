// The one line a creator pastes into their site, shared by the widget screen and a program's
// "How people join" panel (which adds data-program, so the panel offers to join that program).
import { API_BASE } from "../api/config";

export function embedSnippet(publicKey: string, programSlug?: string): string {
  const program = programSlug ? ` data-program="${programSlug}"` : "";
  return `<script src="${API_BASE}/widget.js" data-creator="${publicKey}"${program} async></script>`;
}
