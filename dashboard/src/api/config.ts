// Where the edge API lives: VITE_API_BASE at build time, the local edge otherwise.

/** The edge's origin, without a trailing slash. */
export const API_BASE = (import.meta.env.VITE_API_BASE ?? "http://127.0.0.1:8787").replace(
  /\/$/,
  "",
);

/**
 * Where the home server's setup is described (the "Home server" section of inference-bridge/README.md
 * wherever the project's docs are published): VITE_SETUP_GUIDE_URL at build time. Without it the
 * dashboard names the section in words.
 */
export const SETUP_GUIDE_URL: string | undefined =
  import.meta.env.VITE_SETUP_GUIDE_URL || undefined;

/** The path every route of the edge API lives under; written here once. */
export const API_PREFIX = "/api/v1";
