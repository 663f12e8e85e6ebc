import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en, zh } from '../_i18n/messages';

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : zh), 'zh', [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
]);
