import {
  AutocompleteInput,
  DateInput,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextInput,
} from 'react-admin';
import { can, type Access } from '../../auth/access.ts';
import { enumChoices, industryChoices, regionChoices } from '../../shared/choices.ts';

const parseTags = (value: string) => (value ? value.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : []);
const formatTags = (value: unknown) => (Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? ''));
/** A picked day as the API's timestamps: from its start, or up to its end (UTC). */
const dayStart = (v: string) => (v ? new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString() : null);
const dayEnd = (v: string) => (v ? new Date(`${v.slice(0, 10)}T23:59:59.999Z`).toISOString() : null);

/**
 * Filters over `archivedCustomers`. `q` is the search box: today a substring match on
 * name, code, email and phone; it is the one input to route to full-text `searchArchive`
 * once the server has it (only resources.ts changes).
 */
export function archiveFilters(access: Access | undefined) {
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <DateInput key="archivedAfter" source="archivedAfter" parse={dayStart} alwaysOn />,
    <DateInput key="archivedBefore" source="archivedBefore" parse={dayEnd} alwaysOn />,
    <TextInput key="reason" source="reason" />,
    can(access, 'policy:read') ? (
      <ReferenceInput key="policyId" source="policyId" reference="archive-policies">
        <AutocompleteInput optionText="name" label="resources.archived-customers.fields.policyId" />
      </ReferenceInput>
    ) : null,
    <NullableBooleanInput key="manual" source="manual" />,
    <NullableBooleanInput key="legalHold" source="legalHold" />,
    <SelectArrayInput key="previousStatus" source="previousStatus" choices={enumChoices('CustomerStatus').filter((c) => c.id === 'ACTIVE' || c.id === 'VOID')} />,
    <SelectArrayInput key="type" source="type" choices={enumChoices('CustomerType')} />,
    <SelectArrayInput key="tier" source="tier" choices={enumChoices('CustomerTier')} />,
    <SelectArrayInput key="lifecycleStage" source="lifecycleStage" choices={enumChoices('LifecycleStage')} />,
    <SelectArrayInput key="industry" source="industry" choices={industryChoices()} />,
    <SelectArrayInput key="region" source="region" choices={regionChoices()} />,
    <TextInput key="tags" source="tags" parse={parseTags} format={formatTags} />,
    <DateInput key="retainUntilBefore" source="retainUntilBefore" parse={dayEnd} />,
  ].filter((f) => f !== null);
}
