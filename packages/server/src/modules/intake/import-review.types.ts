import { NotANodeId } from '../../graphql/global-id.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.type.js';
import { ImportColumn, ImportDuplicateAction, ImportValue } from './import.types.js';

@ObjectType('ImportTemplate', { description: 'A column mapping remembered under a name (configureCustomerImport templateName); a file with the same header row gets it at upload.', simpleResolvers: true })
export class ImportTemplate {
  @NotANodeId('a saved column mapping, listed by customerImportSetup')
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field(() => [ImportColumn], { description: 'The header row it was made for, each column with its field.' })
  columns!: ImportColumn[];
}

@ObjectType('CustomerImportSetup', { description: 'What an import wizard shows before a file is chosen.', simpleResolvers: true })
export class CustomerImportSetup {
  @Field(() => Int, { description: 'The largest file POST /imports/customers accepts, in bytes (IMPORT_MAX_BYTES).' })
  maxBytes!: number;

  @Field(() => Int, { description: 'The most data rows a file may have (IMPORT_MAX_ROWS).' })
  maxRows!: number;

  @Field(() => [ImportTemplate], { description: 'Saved templates, most recently saved first (at most 200).' })
  templates!: ImportTemplate[];
}

@ObjectType('ImportDuplicateRow', { description: 'A row of the file that matched existing customers, or earlier rows of the same file, in the last dry run or run.' })
export class ImportDuplicateRow {
  @Field(() => Int, { description: 'Row number (1 = the first row after the header).' })
  rowNo!: number;

  @Field(() => [ImportValue], { description: 'The values it would write (after mapping and normalization).' })
  values!: ImportValue[];

  @Field(() => ImportDuplicateAction, { nullable: true, description: 'Its own duplicate handling (chooseImportRowActions), or null for the import’s.' })
  action!: ImportDuplicateAction | null;

  @Field(() => Int, { description: 'How many existing customers it matched.' })
  matchCount!: number;

  @Field(() => [Int], { description: 'Earlier rows of the same file it repeats whose customers do not exist yet (a dry run: the run matches the customers those rows create, counted in `matchCount`).' })
  earlierRows!: number[];

  @Field(() => [Customer], { description: 'The matched customers you may see, most likely first (the others are only counted).' })
  customers!: unknown[];
}
