import { invalidInput } from './domain-error.js';

/** An IANA zone name both ICU (here) and PostgreSQL know; offsets and abbreviations are
 * refused (reports bucket by it, exports write local times in it). */
export function checkedTimeZone(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) throw invalidInput([{ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' }]);
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    throw invalidInput([{ field: 'timeZone', message: `unknown time zone ${name}` }]);
  }
  return name;
}
