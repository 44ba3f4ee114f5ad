import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { getUser } from '../identity/user.service.js';
import { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './customer.inputs.js';
import { CustomerOrder } from './customer.order.js';
import { CreateCustomerPayload, CustomerConnection, UpdateCustomerPayload } from './customer.payloads.js';
import type { CustomerRecord } from './customer.record.js';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customer.service.js';
import { Customer } from './customer.type.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'One customer by id; null when it does not exist or is not visible.' })
  customer(@Arg('id', () => ID, { description: 'Customer id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getCustomer(ctx, id);
  }

  @Query(() => CustomerConnection, { description: 'Customers matching a filter (ACTIVE only unless `status` says otherwise).' })
  async customers(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true, description: 'Which customers.' }) filter: CustomerFilter | null,
    @Arg('orderBy', () => [CustomerOrder], { nullable: true, description: 'Sort keys, most significant first (default: newest first).' })
    orderBy: CustomerOrder[] | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerConnection> {
    const result = await listCustomers(ctx, filter, orderBy, page, info);
    return new CustomerConnection(result.page as never, result.count);
  }

  @Mutation(() => CreateCustomerPayload, { description: 'Creates a customer.' })
  async createCustomer(
    @Arg('input', () => CreateCustomerInput, { description: 'The customer to create.' }) input: CreateCustomerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { customer: await createCustomer(ctx, input) };
  }

  @Mutation(() => UpdateCustomerPayload, { description: 'Changes a customer; fails with CONFLICT when `version` is stale.' })
  async updateCustomer(
    @Arg('input', () => UpdateCustomerInput, { description: 'The customer, the version read and the changes.' }) input: UpdateCustomerInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { customer: await updateCustomer(ctx, input) };
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user responsible for this customer.' })
  owner(@Root() customer: CustomerRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, customer.ownerId);
  }
}
