// The conversation socket's URL on this edge, complete with the visitor token (ws:// locally, wss://
// in production): answered by the widget's session and by the dashboard's test chat.

export function socketUrl(requestUrl: string, token: string): string {
  const url = new URL("/api/v1/widget/socket", requestUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("token", token);
  return url.toString();
}
