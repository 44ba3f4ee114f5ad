// Benchmarks run the server's code in-process: tax ids are encrypted at rest, so the
// process needs a key ring (a fixed one; benchmark data is throwaway) and production
// configs need ENCRYPTION_KEY, exactly like a real deployment.
import { installKeyRing, parseKeyRing } from '@custos/server/dist/crypto/keyring.js';

export const BENCH_ENCRYPTION_KEY = `bench:${Buffer.alloc(32, 66).toString('base64')}`;
installKeyRing(parseKeyRing(BENCH_ENCRYPTION_KEY));
