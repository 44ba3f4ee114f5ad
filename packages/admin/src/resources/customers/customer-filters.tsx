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

export const customerFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('CustomerStatus')} alwaysOn />,
  <SelectArrayInput key="type" source="type" choices={enumChoices('CustomerType')} />,
  <SelectArrayInput key="tier" source="tier" choices={enumChoices('CustomerTier')} />,
  <SelectArrayInput key="lifecycleStage" source="lifecycleStage" choices={enumChoices('LifecycleStage')} />,
  <SelectArrayInput key="industry" source="industry" choices={industryChoices()} />,
  <SelectArrayInput key="region" source="region" choices={regionChoices()} />,
  <ReferenceInput key="ownerId" source="ownerId" reference="users">
    <AutocompleteInput optionText="displayName" label="resources.customers.fields.ownerId" />
  </ReferenceInput>,
  <TextInput key="tags" source="tags" parse={parseTags} format={formatTags} />,
  <SegmentInput key="segmentId" source="segmentId" />,
];
