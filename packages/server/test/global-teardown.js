import fs from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__CUSTOS_TEST_PG__;
  if (!state) return;
  await state.server.stop();
  fs.rmSync(state.root, { recursive: true, force: true });
}
