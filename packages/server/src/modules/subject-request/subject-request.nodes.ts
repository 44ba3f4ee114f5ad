import type { NodeSource } from '../../graphql/node.js';
import { getSubjectRequest } from './subject-request.service.js';

/** As `subjectRequest(id)` reads it. One read per id: a register of hundreds, and `nodes`
 * takes at most 100 ids (a set-based read is left for the module's own loader). */
export const subjectRequestNodes: readonly NodeSource[] = [
  { type: 'SubjectRequest', load: (ctx, ids) => Promise.all(ids.map((id) => getSubjectRequest(ctx, id))) },
];
