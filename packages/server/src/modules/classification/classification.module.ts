import { classificationNodes } from './classification.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { SegmentResolver } from './segment.resolver.js';
import { TagResolver } from './tag.resolver.js';
import { ClassificationErrorCode, SegmentErrorCode } from './classification.errors.js';

/** Tags and saved segments. */
export const classificationModule: ModuleManifest = {
  name: 'classification',
  resolvers: [TagResolver, SegmentResolver],
  nodes: classificationNodes,
  errors: {
    ...({
      [ClassificationErrorCode.TAG_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
      [ClassificationErrorCode.TAG_EXISTS]: PublicErrorCode.BAD_USER_INPUT,
      [ClassificationErrorCode.TOO_MANY_MATCHES]: PublicErrorCode.BAD_USER_INPUT,
    } satisfies Record<ClassificationErrorCode, PublicErrorCode>),
    ...({
      [SegmentErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
      [SegmentErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
      [SegmentErrorCode.NAME_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
      [SegmentErrorCode.IN_USE]: PublicErrorCode.INVALID_STATE,
    } satisfies Record<SegmentErrorCode, PublicErrorCode>),
  },
};
