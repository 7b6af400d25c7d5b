import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@preau/contracts': contracts } },
  test: {
    projects: [
      {
        resolve: { alias: { '@preau/contracts': contracts } },
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'packages/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
