// The dashboard's build: React with the JSX transform, served on 127.0.0.1:5173 (DASHBOARD_PORT) in
// development, built to dist/ for Cloudflare Pages. VITE_API_BASE names the edge it talks to (a build
// refuses to run without it).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const port = Number(process.env.DASHBOARD_PORT ?? 5173);

export default defineConfig(({ command }) => {
  // A build without its API origin would talk to 127.0.0.1 from every creator's browser: refuse it.
  if (command === "build" && !process.env.VITE_API_BASE)
    throw new Error(
      "Set VITE_API_BASE to the edge's public origin (e.g. VITE_API_BASE=https://api.example.com npm run build -w dashboard).",
    );
  return {
    root: import.meta.dirname,
    plugins: [react()],
    server: { host: "127.0.0.1", port, strictPort: true },
    preview: { host: "127.0.0.1", port, strictPort: true },
    // No source maps in what Pages serves: the dashboard's source is not published.
    build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  };
});
