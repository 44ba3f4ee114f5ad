import BookmarkBorderIcon from '@mui/icons-material/BookmarkBorder';
import { Box, Popover } from '@mui/material';
import { useState } from 'react';
import { Button, SavedQueriesList } from 'react-admin';

/**
 * Named filter sets the user saved on this list (filters, sort and page size), kept by
 * react-admin's store in this browser: a toolbar button opening react-admin's own
 * saved-queries panel, so they cost no width on the screen (issue 18; they used to be a
 * 220 px side panel). Save the current filters, apply one, or remove the applied one.
 * The store is cleared at sign-out, so the next person on a shared computer does not
 * inherit someone else's filters.
 */
export function SavedFiltersButton() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button label="custos.ui.saved_filters" onClick={(e) => setAnchor(e.currentTarget)} data-testid="saved-filters-button">
        <BookmarkBorderIcon />
      </Button>
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 280, p: 1 }} data-testid="saved-filters">
          <SavedQueriesList icon={<BookmarkBorderIcon />} />
        </Box>
      </Popover>
    </>
  );
}
