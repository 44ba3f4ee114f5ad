import { SelectInput, type SelectInputProps } from 'react-admin';
import { useSegmentNames } from '../../cleanup/use-cleanup.ts';

/** The customers list's segment filter (`CustomerFilter.segmentId`), choices from `segments`. */
export function SegmentInput(props: SelectInputProps) {
  const segments = useSegmentNames();
  const choices = (segments.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  return <SelectInput {...props} choices={choices} isPending={segments.isPending} emptyText="custos.tags.all_customers" />;
}
