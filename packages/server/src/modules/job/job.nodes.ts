import { tableNodeSource, type NodeSource } from '../../graphql/node.js';
import { Action } from '../../policy/policy.js';
import { JOB_COLUMNS } from './job.record.js';

/** As `job(id)` reads it (JOB_READ). */
export const jobNodes: readonly NodeSource[] = [tableNodeSource('Job', Action.JOB_READ, `select ${JOB_COLUMNS} from job j where j.id`)];
