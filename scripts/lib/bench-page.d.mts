// Types of bench-page.mjs for the TypeScript that imports it (tests/e2e/core/vite-harness.ts).
export function bundleModule(
  entry: string,
  outDir: string,
  options: { file: string; minify?: boolean; page?: string },
): Promise<void>;
export function buildBenchPage(entry: string, name: string, options?: { minify?: boolean }): Promise<void>;
export function launchBenchBrowser(): Promise<import('@playwright/test').Browser>;
