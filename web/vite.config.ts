import { defineConfig } from "vite";

// The reel binary embeds web/dist and serves it at "/", answering unknown paths with index.html.
export default defineConfig({
  base: "/",
  oxc: {
    jsx: { runtime: "automatic" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev -w web` against a reel server on REEL_DEV_SERVER_URL (default 127.0.0.1:8080)
    proxy: {
      "/api": process.env.REEL_DEV_SERVER_URL ?? "http://127.0.0.1:8080",
      "/sdk": process.env.REEL_DEV_SERVER_URL ?? "http://127.0.0.1:8080",
      "/demo": process.env.REEL_DEV_SERVER_URL ?? "http://127.0.0.1:8080",
    },
  },
});
