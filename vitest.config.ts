import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against hangs, not a measure of speed: several tests have models learn from all the
    // labelled questions, which takes 20 seconds and more on a slow machine.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Tests share ports and database files by design only within a file.
    fileParallelism: true,
  },
});
