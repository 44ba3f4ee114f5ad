import type { ModuleManifest } from '../../core/module.js';
import { VoidResolver } from './void.resolver.js';

/** Void and unvoid (ACTIVE ⇄ VOID). */
export const voidModule: ModuleManifest = {
  name: 'void',
  resolvers: [VoidResolver],
};
