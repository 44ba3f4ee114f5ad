import type { ModuleManifest } from '../../core/module.js';
import { ComplianceResolver } from './compliance.resolver.js';

/** Legal hold and erasure on request, in either store. */
export const complianceModule: ModuleManifest = {
  name: 'compliance',
  resolvers: [ComplianceResolver],
};
