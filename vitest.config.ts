import {availableParallelism} from 'node:os'

import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Command tests spawn the built CLI; on a shared 2-core machine a spawn can take a while.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, where
    // the tests spend much of their time waiting for the processes they start. Two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default'],
  },
})
