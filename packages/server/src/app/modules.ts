import type { ModuleManifest } from '../core/module.js';
import { archiveModule } from '../modules/archive/archive.module.js';
import { complianceModule } from '../modules/compliance/compliance.module.js';
import { voidModule } from '../modules/void/void.module.js';
import { auditModule } from '../modules/audit/audit.module.js';
import { customerModule } from '../modules/customer/customer.module.js';
import { intakeModule } from '../modules/intake/intake.module.js';
import { identityModule } from '../modules/identity/identity.module.js';
import { interactionModule } from '../modules/interaction/interaction.module.js';
import { archivePolicyModule } from '../modules/archive-policy/archive-policy.module.js';
import { jobModule } from '../modules/job/job.module.js';
import { lifecycleStageModule } from '../modules/lifecycle-stage/lifecycle-stage.module.js';
import { retentionModule } from '../modules/retention/retention.module.js';
import { reportModule } from '../modules/report/report.module.js';
import { backupModule } from '../modules/backup/backup.module.js';
import { exportModule } from '../modules/export/export.module.js';
import { searchModule } from '../modules/search/search.module.js';
import { cleanupModule } from '../modules/cleanup/cleanup.module.js';
import { classificationModule } from '../modules/classification/classification.module.js';
import { encryptionModule } from '../modules/encryption/encryption.module.js';
import { seedModule } from '../modules/seed/seed.module.js';
import { liveModule } from '../modules/live/live.module.js';
import { undoModule } from '../modules/undo/undo.module.js';
import { historyModule } from '../modules/history/history.module.js';
import { recycleBinModule } from '../modules/recycle-bin/recycle-bin.module.js';
import { approvalModule } from '../modules/approval/approval.module.js';
import { subjectRequestModule } from '../modules/subject-request/subject-request.module.js';
import { nodeModule } from '../modules/node/node.module.js';

/**
 * Every module of the application, once. (Imported in the order their resolvers were
 * registered before manifests existed: type-graphql prints fields in registration order,
 * so the published schema keeps its order.) The schema, the error map, the job registry,
 * the worker's schedules and the console commands are built from this list; a module
 * left out here contributes nothing (the architecture test checks that every module
 * folder is listed).
 */
export const MODULES: readonly ModuleManifest[] = [
  customerModule,
  intakeModule,
  interactionModule,
  identityModule,
  auditModule,
  archiveModule,
  voidModule,
  complianceModule,
  jobModule,
  archivePolicyModule,
  lifecycleStageModule,
  retentionModule,
  reportModule,
  backupModule,
  exportModule,
  searchModule,
  cleanupModule,
  classificationModule,
  encryptionModule,
  seedModule,
  liveModule,
  undoModule,
  historyModule,
  recycleBinModule,
  approvalModule,
  subjectRequestModule,
  nodeModule,
];
