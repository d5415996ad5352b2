import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';

/** Where `npm run dev` forwards server routes (the Koa app). */
const SERVER = 'http://localhost:3000';

/** Vant's icon font, inlined in its CSS as base64 woff2. */
const INLINE_ICON_FONT = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)/;

/**
 * Moves Vant's icon font (about 25 KB gzipped) out of the stylesheet into
 * its own file. Inlined, every route's CSS carries it and blocks the first
 * paint on it; as a file the browser fetches it only once an icon is shown,
 * beside the rest of the page, and caches it apart from our CSS.
 */
function vantIconFontFile(): Plugin {
  return {
    name: 'baton:vant-icon-font-file',
    apply: 'build',
    generateBundle(_options, bundle) {
      let fontFile: string | undefined;
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
        const css = String(asset.source);
        const inline = INLINE_ICON_FONT.exec(css);
        if (!inline) continue;
        fontFile ??= this.getFileName(this.emitFile({
          type: 'asset',
          name: 'vant-icon.woff2',
          source: Buffer.from(inline[1], 'base64'),
        }));
        // CSS and font both live in assets/: a sibling URL works under any base.
        const relative = `./${fontFile.split('/').pop()}`;
        asset.source = css.replace(INLINE_ICON_FONT, `url(${relative})`);
      }
    },
  };
}

/** Text files worth compressing; smaller ones gain less than a header. */
const COMPRESSIBLE = /\.(js|css|html|svg)$/;
const COMPRESS_MIN_BYTES = 1024;

/**
 * Writes `file.br` and `file.gz` beside each built text file. The server's
 * static middleware (koa-send) answers with them when the browser accepts
 * the encoding, so a phone on a weak link downloads about a third of the
 * bytes, at no CPU cost per request.
 */
function precompress(): Plugin {
  return {
    name: 'baton:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const writes: Promise<void>[] = [];
      for (const output of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(output.fileName)) continue;
        const source = output.type === 'chunk' ? output.code : output.source;
        const content = Buffer.from(source);
        if (content.length < COMPRESS_MIN_BYTES) continue;
        const file = path.join(outDir, output.fileName);
        writes.push(writeFile(`${file}.gz`, gzipSync(content, { level: 9 })));
        writes.push(writeFile(`${file}.br`, brotliCompressSync(content, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        })));
      }
      await Promise.all(writes);
    },
  };
}

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
    vantIconFontFile(),
    precompress(),
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
    // dist/.vite/manifest.json: the chunk graph scripts/budget.ts walks.
    manifest: true,
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
