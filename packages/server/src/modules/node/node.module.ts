import type { ModuleManifest } from '../../core/module.js';
import { NodeResolver } from './node.resolver.js';

/** Relay's `node(id)` and `nodes(ids)`; each entity module lists the NodeSource of its types. */
export const nodeModule: ModuleManifest = {
  name: 'node',
  resolvers: [NodeResolver],
};
