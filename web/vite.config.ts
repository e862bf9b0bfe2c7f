import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const fromWeb = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/**
 * echarts-for-react imports tslib without declaring it as a dependency, so npm need not
 * install it where that import can find it. ECharts declares it: use ECharts' copy (its ES
 * module build), which also keeps one tslib in the bundle.
 */
function echartsTslib(): string {
  const fromRoot = createRequire(import.meta.url);
  const fromEcharts = createRequire(fromRoot.resolve('echarts'));
  return path.join(path.dirname(fromEcharts.resolve('tslib')), 'tslib.es6.js');
}

/**
 * Writes `.br` and `.gz` twins of the text files, so that a server that serves
 * pre-compressed files (@fastify/static `preCompressed: true`) sends a cheap phone a
 * fraction of the bytes without compressing on every request.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json)$/;
  function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : [full];
    });
  }
  return {
    name: 'jiandu-precompress',
    apply: 'build',
    closeBundle() {
      const dir = fromWeb('../dist/web');
      if (!fs.existsSync(dir)) return;
      for (const file of walk(dir)) {
        if (!compressible.test(file)) continue;
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * The dev server's counterpart of the server's fallback: client routes under /console/
 * get the console's page (Vite alone would answer them with the portal's index.html).
 */
function consoleFallback(): Plugin {
  return {
    name: 'jiandu-console-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const url = request.url ?? '/';
        const pathname = url.split('?')[0] ?? '/';
        const wantsHtml = request.headers.accept?.includes('text/html') ?? false;
        if (wantsHtml && /^\/console(\/|$)/.test(pathname) && path.extname(pathname) === '') {
          request.url = '/console/index.html';
        }
        next();
      });
    },
  };
}

/**
 * Two single-page apps from one build: the public portal at `/` (plain React, small enough
 * for a cheap phone) and the supervision console at `/console/` (React and Ant Design).
 * The server serves dist/web and falls back to the right index.html for client routes.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), consoleFallback(), precompress()],
  resolve: { alias: [{ find: /^tslib$/, replacement: echartsTslib() }] },
  build: {
    outDir: fromWeb('../dist/web'),
    emptyOutDir: true,
    // Browsers without <link rel="modulepreload"> still load every module, only later.
    modulePreload: { polyfill: false },
    // Ant Design alone is about a megabyte before compression; it is cached, and only the
    // console loads it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        portal: fromWeb('index.html'),
        console: fromWeb('console/index.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              // What both apps share (language, API client, every area's texts); Ant Design
              // stays out of it.
              name: 'shared',
              test: (id: string) =>
                (/[\\/]web[\\/]components[\\/]/.test(id) && !id.includes('AntdProvider')) ||
                /[\\/]web[\\/](console|portal)[\\/](.+[\\/])?messages\.ts$/.test(id),
              priority: 2,
            },
            {
              // ECharts (the warning page's relationship graph): loaded only with that page.
              // Below React's group, which must keep React: a group takes its modules'
              // dependencies along unless a group of higher priority took them first.
              name: 'charts-vendor',
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal|tslib)[\\/]/,
              priority: 1.5,
            },
            {
              // React, and TanStack Query, which both apps use (in ui-vendor the portal would
              // load Ant Design with it).
              name: 'react-vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/][a-z-]+)[\\/]/,
              priority: 3,
            },
            { name: 'ui-vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
