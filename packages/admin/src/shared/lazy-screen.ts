import { lazy, type ComponentType } from 'react';

/**
 * A screen loaded on first visit: React.lazy over a module's named export. Each screen
 * becomes its own chunk, so the first page (sign-in, home) downloads only react-admin's
 * shell; react-admin's Layout already wraps routes in Suspense with its loading spinner.
 */
// `any`: screens take react-admin's various props; the lazy wrapper passes them through.
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType<any> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> }));
}
