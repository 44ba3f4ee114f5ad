import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { getBackupSettings, getBackups, latestDrills, startBackup, startBackupDrill } from './backup.service.js';
import { Backup, BackupSettings, StartBackupDrillInput, StartBackupDrillPayload, StartBackupInput, StartBackupPayload } from './backup.type.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver()
export class BackupResolver {
  @Query(() => [Backup], { description: `Finished backups, newest first, with their latest restore drill (${rolesFor(Action.BACKUP_MANAGE)}).` })
  async backups(@Ctx() ctx: RequestContext): Promise<Backup[]> {
    const backups = getBackups(ctx);
    const drills = await latestDrills(ctx, backups.map((b) => b.id));
    return backups.map((b) => {
      const drill = drills.get(b.id);
      return {
        id: b.id,
        createdAt: b.createdAt,
        createdBy: b.createdBy,
        reason: b.reason,
        sizeBytes: b.sizeBytes,
        totalRows: b.totalRows,
        migration: b.migrations.at(-1) ?? '',
        serverVersion: b.serverVersion,
        tables: b.tables.map((t) => ({ name: t.name, rows: t.rows })),
        lastDrill: drill
          ? { jobId: drill.id, state: drill.state, finishedAt: drill.finishedAt, error: drill.error, seconds: (drill.result?.seconds as number | undefined) ?? null }
          : null,
      };
    });
  }

  @Query(() => BackupSettings, { description: `How backups are scheduled and how many are kept (${rolesFor(Action.BACKUP_MANAGE)}).` })
  backupSettings(@Ctx() ctx: RequestContext): BackupSettings {
    return getBackupSettings(ctx);
  }

  @Mutation(() => StartBackupPayload, { description: `Starts a backup as a background job (${rolesFor(Action.BACKUP_MANAGE)}); follow it with \`job(id)\`.` })
  async startBackup(
    @Arg('input', () => StartBackupInput, { nullable: true, description: 'Why (optional).' }) input: StartBackupInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await startBackup(ctx, input?.reason) };
  }

  @Mutation(() => StartBackupDrillPayload, {
    description: `Starts a restore drill (${rolesFor(Action.BACKUP_MANAGE)}): the backup is restored into a scratch database, compared with its manifest and dropped.`,
  })
  async startBackupDrill(
    @Arg('input', () => StartBackupDrillInput, { description: 'The backup.' }) input: StartBackupDrillInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await startBackupDrill(ctx, input.id) };
  }
}
