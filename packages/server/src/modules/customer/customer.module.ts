import { customerNodes } from './customer.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { CustomerErrorCode } from './customer.errors.js';
import { CustomerResolver } from './customer.resolver.js';

/** Live customers: reads, the lifecycle table and the one write path. */
export const customerModule: ModuleManifest = {
  name: 'customer',
  resolvers: [CustomerResolver],
  nodes: customerNodes,
  errors: {
    [CustomerErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [CustomerErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
    [CustomerErrorCode.CODE_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
    [CustomerErrorCode.NOT_EDITABLE]: PublicErrorCode.INVALID_STATE,
    [CustomerErrorCode.INVALID_STATE]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<CustomerErrorCode, PublicErrorCode>,
};
