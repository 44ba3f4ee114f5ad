/** English messages of Undo (shared/undo.tsx), merged into en.ts. */
export const undoEn = {
  undo: {
    undo: 'Undo',
    done: 'Undone: %{smart_count} customer is as before |||| Undone: %{smart_count} customers are as before',
    done_partly: 'Undone for %{smart_count} customer; %{failed} changed since and were left as they are |||| Undone for %{smart_count} customers; %{failed} changed since and were left as they are',
    normalization_hint: 'Until a few minutes after the job has finished, you can take this normalization back.',
  },
};
