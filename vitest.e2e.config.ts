import { defineConfig } from 'vitest/config';

// Real-Chromium tests: one browser at a time, generous timeouts (see tests/e2e/harness.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    // A poll without its own timeout waits up to 10 s, not Vitest's 1 s: a busy machine (CI, the bench running
    // beside it) can take over a second to re-render the options table after an import (sync.e2e failed so once).
    expect: { poll: { timeout: 10_000 } },
  },
});
