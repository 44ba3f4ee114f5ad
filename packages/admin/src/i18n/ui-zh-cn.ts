import type { UiMessages } from './ui-en.ts';

/** Chinese messages of the workday polish (issue 18); the type forces ui-en.ts's keys. */
export const uiZhCn: UiMessages = {
  custos: {
    ui: {
      saved_filters: '已保存的筛选',
    },
  },
};
