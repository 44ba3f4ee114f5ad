import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import { Card, CardContent } from '@mui/material';
import { SavedQueriesList } from 'react-admin';

/**
 * The customers list's side panel: named filter sets the user saved (filters, sort and
 * page size), kept by react-admin's store in this browser. The plus button saves the
 * current filters under a name, a click applies one, and the remove button (shown
 * while a saved set is applied) deletes it. The Filter button's menu offers the same.
 * The store is cleared at sign-out, so the next person on a shared computer does not
 * inherit someone else's filters.
 */
export function SavedFiltersAside() {
  return (
    <Card variant="outlined" sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, alignSelf: 'flex-start', display: { xs: 'none', md: 'block' } }}
      data-testid="saved-filters">
      <CardContent sx={{ pt: 1 }}>
        <SavedQueriesList icon={<BookmarkBorderIcon />} />
      </CardContent>
    </Card>
  );
}
