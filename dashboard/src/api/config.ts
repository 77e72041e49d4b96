// Where the edge API lives: VITE_API_BASE at build time, the local edge otherwise.

/** The edge's origin, without a trailing slash. */
export const API_BASE = (import.meta.env.VITE_API_BASE ?? "http://127.0.0.1:8787").replace(/\/$/, "");
