/** The enterprise pages' text in each public language. */
import type { Lang } from '../i18n.js';
import { enterprisesEn } from './messages-en.js';
import { enterprisesZhHant } from './messages-zh-Hant.js';
import { enterprisesZh, type EnterpriseMessages } from './messages-zh.js';

export type { EnterpriseMessages };
export const enterpriseMessages: Record<Lang, EnterpriseMessages> = { zh: enterprisesZh, 'zh-Hant': enterprisesZhHant, en: enterprisesEn };
