// Jest's node environment with timeouts that follow the machine's load. A test's timeout
// is written for an ordinary machine; on a busy 2-core machine (load average 10–30 with
// builds beside it) the same work takes several times longer and tests failed on time
// alone. Each test and hook gets its timeout multiplied by the load per core at its start
// (1–6×; TEST_TIME_SCALE fixes the factor). Only jest's timeouts scale: a test's own
// waits on conditions keep their deadlines.
const os = require('node:os');
const { createRequire } = require('node:module');

// jest-environment-node comes with jest (jest → @jest/core → jest-config), not as a
// dependency of ours.
const fromJest = createRequire(require.resolve('jest'));
const fromCore = createRequire(fromJest.resolve('@jest/core'));
const fromConfig = createRequire(fromCore.resolve('jest-config'));
const { TestEnvironment } = fromConfig('jest-environment-node');

const MAX_SCALE = 6;

function timeScale() {
  const fixed = Number(process.env.TEST_TIME_SCALE);
  if (fixed > 0) return fixed;
  const perCore = os.loadavg()[0] / os.availableParallelism();
  return Math.min(MAX_SCALE, Math.max(1, perCore));
}

class LoadAwareEnvironment extends TestEnvironment {
  #scaled = new WeakSet();

  handleTestEvent(event, state) {
    const target = event.name === 'hook_start' ? event.hook : event.name === 'test_fn_start' ? event.test : undefined;
    if (!target || this.#scaled.has(target)) return;
    this.#scaled.add(target);
    target.timeout = Math.round((target.timeout || state.testTimeout) * timeScale());
  }
}

module.exports = LoadAwareEnvironment;
