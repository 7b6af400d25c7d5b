import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Also declared in the root vitest.config.ts (web project). */
const contractsAlias = {
  '@preau/contracts': `${repoRoot}packages/contracts/src/index.ts`,
};

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: { alias: contractsAlias },
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'react-aria', test: /node_modules[\\/](react-aria|react-aria-components|react-stately|@react-aria|@react-stately|@react-types|@internationalized|@swc)[\\/]/ },
            { name: 'libs', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: the API runs on its own port.
    proxy: { '/api': process.env.PREAU_API_URL ?? 'http://localhost:3000', '/healthz': process.env.PREAU_API_URL ?? 'http://localhost:3000' },
  },
});
