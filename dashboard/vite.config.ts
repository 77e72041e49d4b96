// The dashboard's build: React with the JSX transform, served on 127.0.0.1:5173 (DASHBOARD_PORT) in
// development, built to dist/ for Cloudflare Pages. VITE_API_BASE names the edge it talks to.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const port = Number(process.env.DASHBOARD_PORT ?? 5173);

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { host: "127.0.0.1", port, strictPort: true },
  preview: { host: "127.0.0.1", port, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
});
