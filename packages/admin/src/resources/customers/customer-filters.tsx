import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextInput,
} from 'react-admin';
import { SegmentInput } from './segment-input.tsx';
import { enumChoices, industryChoices, regionChoices } from '../../shared/choices.ts';

/** Tags typed as "vip, 华东" filter on customers carrying any of them. */
const parseTags = (value: string) => (value ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);
const formatTags = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));
/** A stored filter holds owners as a list; the picker edits one. */
const formatOwner = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The customers list's filter inputs, shared with the segment form (one definition, so a
 * segment offers exactly the filters the list has). In the list, search and status show
 * until more are added with the Filter button. In a segment's form (`stored`), the values
 * live under `filter.` in the API's names (`search` for the list's `q`), and a segment
 * cannot name another segment. Labels are the customers' field names either way.
 */
export function customerFilterInputs({ stored = false }: { stored?: boolean } = {}): ReactElement[] {
  const label = (field: string) => `resources.customers.fields.${field}`;
  const src = (field: string) => (stored ? `filter.${field}` : field);
  const on = stored ? {} : { alwaysOn: true };
  const inputs: ReactElement[] = [
    stored
      ? <TextInput key="search" source={src('search')} label={label('q')} />
      : <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="status" source={src('status')} label={label('status')} choices={enumChoices('CustomerStatus')} {...on} />,
    <SelectArrayInput key="type" source={src('type')} label={label('type')} choices={enumChoices('CustomerType')} />,
    <SelectArrayInput key="tier" source={src('tier')} label={label('tier')} choices={enumChoices('CustomerTier')} />,
    <SelectArrayInput key="lifecycleStage" source={src('lifecycleStage')} label={label('lifecycleStage')} choices={enumChoices('LifecycleStage')} />,
    <SelectArrayInput key="industry" source={src('industry')} label={label('industry')} choices={industryChoices()} />,
    <SelectArrayInput key="region" source={src('region')} label={label('region')} choices={regionChoices()} />,
    <ReferenceInput key="ownerId" source={src('ownerId')} reference="staff">
      <AutocompleteInput optionText="displayName" label={label('ownerId')} format={formatOwner} />
    </ReferenceInput>,
    <TextInput key="tags" source={src('tags')} label={label('tags')} parse={parseTags} format={formatTags} />,
  ];
  if (!stored) inputs.push(<SegmentInput key="segmentId" source="segmentId" label={label('segmentId')} />);
  return inputs;
}

export const customerFilters = customerFilterInputs();
