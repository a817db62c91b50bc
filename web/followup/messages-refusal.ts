/**
 * What a complainant can do after 不予受理, in every page language: the other channels for a consumer
 * dispute (Consumer Rights Protection Law Art 39) and the legal remedy against the decision itself.
 * Time limits: Administrative Reconsideration Law (2023) Art 20, Administrative Litigation Law Art 46.
 */
import type { Lang } from '../i18n.js';

export interface RefusalText { heading: string; intro: string; options: string[] }

export const refusalText: Record<Lang, RefusalText> = {
  zh: {
    heading: '不予受理后，您还可以怎么做',
    intro: '不予受理不影响您通过其他途径解决争议：',
    options: [
      '与经营者协商和解，或者请消费者协会、人民调解委员会等调解组织调解。',
      '与经营者订有仲裁协议的，可以申请仲裁；也可以向人民法院提起民事诉讼。',
      '如果理由是本部门没有管辖权，可以向有管辖权的部门投诉；拨打 12315 可以咨询该向哪个部门投诉。',
      '认为不予受理决定侵犯您的合法权益的，可以自知道该决定之日起 60 日内申请行政复议，或者自知道该决定之日起 6 个月内向人民法院提起行政诉讼。',
    ],
  },
  'zh-Hant': {
    heading: '不予受理後，您還可以怎麼做',
    intro: '不予受理不影響您透過其他途徑解決爭議：',
    options: [
      '與經營者協商和解，或者請消費者協會、人民調解委員會等調解組織調解。',
      '與經營者訂有仲裁協議的，可以申請仲裁；也可以向人民法院提起民事訴訟。',
      '如果理由是本部門沒有管轄權，可以向有管轄權的部門投訴；撥打 12315 可以查詢應向哪個部門投訴。',
      '認為不予受理決定侵犯您的合法權益的，可以自知道該決定之日起 60 日內申請行政覆議，或者自知道該決定之日起 6 個月內向人民法院提起行政訴訟。',
    ],
  },
  en: {
    heading: 'Not accepted: what you can still do',
    intro: 'The decision does not stop you from settling the dispute in other ways:',
    options: [
      'Settle it with the business, or ask a consumer association or another mediation body (such as a people\'s mediation committee) to mediate.',
      'Apply for arbitration if you have an arbitration agreement with the business, or bring a civil suit in a people\'s court.',
      'If the reason was that this department is not competent, complain to the competent authority; the 12315 hotline can tell you which one.',
      'If you believe the decision infringes your lawful rights, you may apply for administrative reconsideration within 60 days of learning of it, or bring an administrative lawsuit in a people\'s court within 6 months of learning of it.',
    ],
  },
};
