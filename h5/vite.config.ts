import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';

/** Where `npm run dev` forwards server routes (the Koa app). */
const SERVER = 'http://localhost:3000';

/**
 * Vite config for the Baton H5. Vant components used in templates are
 * imported on demand (with their CSS) by unplugin-vue-components; pages are
 * lazy route components, so the first route only loads what it renders.
 */
export default defineConfig({
  plugins: [
    vue(),
    Components({
      // Only Vant is auto-imported; our own components are imported by hand.
      dirs: [],
      resolvers: [VantResolver()],
      dts: 'src/components.d.ts',
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/sandbox': SERVER,
      '/healthz': SERVER,
      '/wecom': SERVER,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Response validation (zod) changes rarely: its own long-cached file.
        codeSplitting: {
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }],
        },
      },
    },
  },
});
