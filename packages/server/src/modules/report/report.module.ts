import type { ModuleManifest } from '../../core/module.js';
import { ReportResolver } from './report.resolver.js';

/** Reports: customer statistics, lifecycle activity, archive and cleanup figures. */
export const reportModule: ModuleManifest = {
  name: 'report',
  resolvers: [ReportResolver],
};
