import { deepmerge } from '@mui/utils';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** Height of react-admin's app bar on desktop (Layout's appFrame margin, theme.spacing(6)). */
const APP_BAR = 48;

/**
 * Every list screen fits the window from 1,366×768 up (issue 18). react-admin's layout
 * grows to the width of its widest table (`minWidth: fit-content`), which pushed the
 * toolbar, the bulk actions and the pagination off screen. Here:
 * - the layout never grows wider than the window (`min-width: 0` down the flex chain);
 * - on desktop a list takes exactly the window's height: toolbar on top, pagination at
 *   the bottom, and only the table in between scrolls (both ways, header sticky), so
 *   the toolbar, the bulk actions (drawn over the toolbar) and the pagination stay in view;
 * - toolbars wrap instead of overflowing.
 * Set in the theme so every list, present and future, gets it without per-screen code.
 */
const fit: RaThemeOptions = {
  components: {
    RaLayout: {
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        },
      },
    },
    RaList: {
      styleOverrides: {
        root: ({ theme }: { theme: { breakpoints: { up: (key: string) => string } } }) => ({
          minWidth: 0,
          '& .RaList-main': { minWidth: 0 },
          '& .RaList-content': { minWidth: 0 },
          // Filters take what the buttons leave; both wrap to a second line when narrow.
          '& .RaList-actions': { flexWrap: 'wrap', rowGap: 0 },
          '& .RaList-actions > form': { flex: '1 1 320px', minWidth: 0 },
          '& .RaList-actions > .MuiToolbar-root': { flex: '0 1 auto' },
          [theme.breakpoints.up('md')]: {
            '& .RaList-main': { height: `calc(100vh - ${APP_BAR}px)`, minHeight: 360 },
            '& .RaList-actions, & .RaPagination-root, & .MuiTablePagination-root': { flex: '0 0 auto' },
            '& .RaList-content': { flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column' },
            // DatagridConfigurable wraps the grid in a span of its own.
            '& .RaList-content > .RaConfigurable-root, & .RaList-content .RaDatagrid-root': {
              flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column',
            },
            '& .RaList-content .RaDatagrid-tableWrapper': { flex: '1 1 auto', minHeight: 0, overflow: 'auto' },
          },
        }),
      },
    },
    RaDatagrid: {
      styleOverrides: {
        // Wide tables scroll inside their card, never the page.
        root: { maxWidth: '100%', '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } },
      },
    },
    RaTopToolbar: {
      styleOverrides: {
        root: { flexWrap: 'wrap', marginLeft: 'auto', minWidth: 0 },
      },
    },
  } as RaThemeOptions['components'],
};

export const lightTheme = deepmerge(defaultLightTheme, fit) as RaThemeOptions;
export const darkTheme = deepmerge(defaultDarkTheme, fit) as RaThemeOptions;
