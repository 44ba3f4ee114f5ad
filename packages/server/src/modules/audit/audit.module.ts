import { auditNodes } from './audit.nodes.js';
import type { ModuleManifest } from '../../core/module.js';
import { SqlExecutor } from '../../db/sql.js';
import { AuditResolver } from './audit.resolver.js';
import { verifyAuditChain } from './audit.service.js';

/** The hash-chained audit log: every other module appends to it. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  resolvers: [AuditResolver],
  nodes: auditNodes,
  commands: [
    {
      name: 'audit:verify',
      summary: "re-compute the audit log's hash chain; exit 1 when broken",
      async run({ database }) {
        const result = await verifyAuditChain(new SqlExecutor((await database()).orm.em.fork()));
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return result.ok;
      },
    },
  ],
};
