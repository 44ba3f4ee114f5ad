import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Job } from '../job/job.type.js';
import { JobState } from '../job/job.enums.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';

@ObjectType('BackupTable', { description: 'One table in a backup.', simpleResolvers: true })
export class BackupTable {
  @Field({ description: 'Schema-qualified table name.' })
  name!: string;

  @Field(() => Int, { description: 'Rows in the backup.' })
  rows!: number;
}

@ObjectType('BackupDrill', { description: 'The latest restore drill of a backup.', simpleResolvers: true })
export class BackupDrill {
  @RefersTo('Job')
  @Field(() => ID, { description: 'The drill job.' })
  jobId!: string;

  @Field(() => JobState, { description: 'SUCCEEDED: the restore reproduced the backup exactly; FAILED: see `error`.' })
  state!: JobState;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the drill finished.' })
  finishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'What went wrong, for a failed drill.' })
  error!: string | null;

  @Field(() => Float, { nullable: true, description: 'How long the drill took, in seconds.' })
  seconds!: number | null;
}

@NodeType('Backup', { description: 'A logical backup of every Custos table, taken from one consistent snapshot.' })
export class Backup {
  @Field(() => ID, { description: 'The backup\u2019s name (its file name without extension).' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'The instant of the snapshot.' })
  createdAt!: string;

  @RefersTo('User')
  @Field(() => ID, { nullable: true, description: 'Who started it; null for scheduled backups.' })
  createdBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was taken.' })
  reason!: string | null;

  @Field(() => Float, { description: 'Compressed size in bytes.' })
  sizeBytes!: number;

  @Field(() => Int, { description: 'Rows in all tables.' })
  totalRows!: number;

  @Field({ description: 'The last schema migration of the database it was taken from.' })
  migration!: string;

  @Field({ description: 'PostgreSQL version of the source.' })
  serverVersion!: string;

  @Field(() => [BackupTable], { description: 'Tables and their row counts.' })
  tables!: BackupTable[];

  @Field(() => BackupDrill, { nullable: true, description: 'The latest finished restore drill; null when never drilled.' })
  lastDrill!: BackupDrill | null;
}

@ObjectType('BackupSettings', { description: 'How this server schedules and keeps backups (its BACKUP_* settings).', simpleResolvers: true })
export class BackupSettings {
  @Field(() => Int, { description: 'Days for which the newest backup of the day is kept (BACKUP_KEEP_DAILY).' })
  keepDaily!: number;

  @Field(() => Int, { description: 'Weeks for which the newest backup of the ISO week is kept (BACKUP_KEEP_WEEKLY).' })
  keepWeekly!: number;

  @Field(() => String, { nullable: true, description: 'Cron expression (UTC) of scheduled backups; null when backups are started by hand only (BACKUP_SCHEDULE).' })
  schedule!: string | null;

  @Field(() => String, { nullable: true, description: 'Cron expression (UTC) of scheduled restore drills; null when none (BACKUP_DRILL_SCHEDULE).' })
  drillSchedule!: string | null;
}

@InputType({ description: 'Starts a backup.' })
export class StartBackupInput {
  @OptionalReasonField('Why (e.g. "before the yearly purge").')
  reason?: string | null;
}

@InputType({ description: 'Starts a restore drill of a backup.' })
export class StartBackupDrillInput {
  @RefersTo('Backup')
  @Field(() => ID, { description: 'The backup to drill.' })
  @MaxLength(120)
  id!: string;
}

@ObjectType({ description: 'Result of startBackup.' })
export class StartBackupPayload {
  @Field(() => Job, { description: 'The queued backup job.' })
  job!: Job;
}

@ObjectType({ description: 'Result of startBackupDrill.' })
export class StartBackupDrillPayload {
  @Field(() => Job, { description: 'The queued drill job.' })
  job!: Job;
}
