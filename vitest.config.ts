import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * Unit tests: one project per package. Browser behaviour is proven separately in real
 * Chromium by Playwright (tests/e2e); happy-dom and fake-indexeddb only test logic here.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['packages/core/src/**/*.test.ts', 'packages/core/bin/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: { name: 'sdk', include: ['sdk/src/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'extension', include: ['extension/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: { name: 'size', include: ['tests/size/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
