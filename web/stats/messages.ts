/** The statistics text in the page language (zh-CN, zh-Hant, English). */
import type { Lang } from '../i18n.js';
import { statsEn } from './messages-en.js';
import { statsZhHant } from './messages-zh-Hant.js';
import { statsZh, type StatsText } from './messages-zh.js';

const catalogues: Record<Lang, StatsText> = { zh: statsZh, 'zh-Hant': statsZhHant, en: statsEn };

export const statsText = (lang: Lang): StatsText => catalogues[lang];
