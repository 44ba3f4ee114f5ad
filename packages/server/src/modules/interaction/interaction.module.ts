import { interactionNodes } from './interaction.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { InteractionErrorCode } from './interaction.errors.js';
import { CustomerInteractionsResolver, InteractionResolver } from './interaction.resolver.js';

/** The interaction history of live customers. */
export const interactionModule: ModuleManifest = {
  name: 'interaction',
  resolvers: [CustomerInteractionsResolver, InteractionResolver],
  nodes: interactionNodes,
  errors: {
    [InteractionErrorCode.CUSTOMER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [InteractionErrorCode.CUSTOMER_NOT_ACTIVE]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<InteractionErrorCode, PublicErrorCode>,
};
