import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** A DateField in the dashboard's language (react-admin's default follows the browser's). */
export function LocaleDateField(props: DateFieldProps) {
  const [locale] = useLocaleState();
  return <DateField locales={locale} {...props} />;
}
