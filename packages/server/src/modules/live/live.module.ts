import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { LiveErrorCode } from './live.errors.js';
import { LiveResolver } from './live.resolver.js';

/** Subscriptions (jobUpdated, customerChanged), fed by PostgreSQL notifications; the
 * WebSocket endpoint that serves them is wired by the composition root (app/subscriptions.ts). */
export const liveModule: ModuleManifest = {
  name: 'live',
  resolvers: [LiveResolver],
  errors: {
    [LiveErrorCode.FELL_BEHIND]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<LiveErrorCode, PublicErrorCode>,
};
