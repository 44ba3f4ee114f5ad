import type { RequestContext } from '../../core/context.js';
import type { CreateCustomerInput, UpdateCustomerInput } from '../customer/customer.inputs.js';
import { createCustomer, updateCustomer } from '../customer/customer.service.js';
import { duplicateGate, visibleDuplicates, type GateResult } from './duplicate-gate.service.js';
import type { CreateCustomerPayload, UpdateCustomerPayload } from './customer-entry.payloads.js';

/** createCustomer through the duplicate gate. */
export async function createCheckedCustomer(ctx: RequestContext, input: CreateCustomerInput): Promise<CreateCustomerPayload> {
  const found: { result?: GateResult } = {};
  const customer = await createCustomer(ctx, input, { check: duplicateGate(found) });
  return { customer, possibleDuplicates: await visibleDuplicates(ctx, found.result) };
}

/** updateCustomer through the duplicate gate. */
export async function updateCheckedCustomer(ctx: RequestContext, input: UpdateCustomerInput): Promise<UpdateCustomerPayload> {
  const found: { result?: GateResult } = {};
  const customer = await updateCustomer(ctx, input, { check: duplicateGate(found) });
  return { customer, possibleDuplicates: await visibleDuplicates(ctx, found.result) };
}
