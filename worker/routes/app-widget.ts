// The widget a companion app's address names (`/app/<public key>/…`), for the app's shell and its API
// alike: an unknown key is a 404 and a closed workspace's app a 410, as its widget would answer.
import { findWidgetByPublicKey, type WidgetDirectoryEntry } from "../db/widget-directory";
import { AppError } from "../lib/errors";
import { workspaceClosed } from "../workspace/workspace-closed";

/** 404 for an app address that names no widget. */
export function appNotFound(): AppError {
  return new AppError(
    404,
    "widget_not_found",
    "No app has this address. Open the app again from the chat on the creator's site.",
  );
}

/** The app's widget: 404 for an unknown `publicKey`, 410 when its workspace is closed. */
export async function appWidget(d1: D1Database, publicKey: string): Promise<WidgetDirectoryEntry> {
  const widget = await findWidgetByPublicKey(d1, publicKey);
  if (!widget) throw appNotFound();
  if (widget.workspaceClosed) throw workspaceClosed();
  return widget;
}
