import AssignmentOutlinedIcon from '@mui/icons-material/AssignmentOutlined';
import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';
import EventNoteOutlinedIcon from '@mui/icons-material/EventNoteOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import ConfirmationNumberOutlinedIcon from '@mui/icons-material/ConfirmationNumberOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import ShoppingCartOutlinedIcon from '@mui/icons-material/ShoppingCartOutlined';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import type { SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';

const ICONS: Record<string, ComponentType<SvgIconProps>> = {
  CALL: PhoneOutlinedIcon,
  EMAIL: EmailOutlinedIcon,
  MEETING: GroupsOutlinedIcon,
  VISIT: StorefrontOutlinedIcon,
  ORDER: ShoppingCartOutlinedIcon,
  TICKET: ConfirmationNumberOutlinedIcon,
  COMPLAINT: ReportProblemOutlinedIcon,
  NOTE: EventNoteOutlinedIcon,
};

const COLORS: Record<string, SvgIconProps['color']> = {
  ORDER: 'success',
  COMPLAINT: 'error',
  TICKET: 'warning',
};

/** One icon per interaction kind; unknown kinds (added later by the server) get a generic one. */
export function InteractionKindIcon({ kind, ...props }: { kind: string } & SvgIconProps) {
  const Icon = ICONS[kind] ?? AssignmentOutlinedIcon;
  return <Icon color={COLORS[kind] ?? 'primary'} data-kind={kind} {...props} />;
}
