import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { DATE_ONLY, DATE_TIME, intlLocale } from './dates.ts';

/**
 * A DateField in the dashboard's language (react-admin's default follows the browser's)
 * and its one date format (shared/dates.ts).
 */
export function LocaleDateField(props: DateFieldProps) {
  const [locale] = useLocaleState();
  return <DateField locales={intlLocale(locale)} options={props.showTime ? DATE_TIME : DATE_ONLY} {...props} showDate />;
}
