import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { enResourceLabels } from './resource-labels.en';
import { zhResourceLabels } from './resource-labels.zh';
import { zhMessages } from './zh';

export const zh: TranslationMessages = { ...zhMessages, ...zhResourceLabels };
export const en: TranslationMessages = { ...englishMessages, ...enResourceLabels };
