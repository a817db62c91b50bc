/** Staff text of the quality signals page in English, and the catalogue of a page language. */
import type { Lang } from '../i18n.js';
import { signalsZh, type SignalsMessages } from './messages-signals-zh.js';

const en: SignalsMessages = {
  nav: 'Signals',
  title: 'Quality signals',
  intro: 'A signal is raised as cases arrive: when one business or one product is named in several cases within the set number of days, or when a category in a city has more than 3 times its weekly mean of the 12 weeks before. Look into the cases, then acknowledge the signal or dismiss it with a reason.',
  filters: 'Show by status',
  statuses: { open: 'Open', acknowledged: 'Acknowledged', dismissed: 'Dismissed', all: 'All' },
  types: { business: 'One business named repeatedly', product: 'One product named repeatedly', spike: 'A surge in a category and city' },
  empty: 'No signals with this status.',
  creditCode: (code) => `Credit code ${code}`,
  gtin: (gtin) => `Barcode (GTIN) ${gtin}`,
  brandModel: (brand, model) => `Brand ${brand}, model ${model}`,
  spikeKey: (category, city) => `${category} in ${city}`,
  count: 'Cases',
  cases: (n) => `${n}`,
  window: 'Counted over',
  windowBusiness: (days, start, end) => `${days} days (from ${start}; later cases join until ${end})`,
  windowSpike: (start, end) => `the week ${start} to ${end}`,
  raisedAt: 'Raised',
  status: 'Status',
  decided: (by, at) => `${by}, ${at}`,
  decidedBy: 'Decided by',
  reason: 'Reason',
  linked: 'Cases',
  showCases: (n) => `Show the ${n} cases`,
  decide: 'Decide',
  reasonLabel: 'Reason (needed to dismiss)',
  reasonHint: 'For example: checked, the same consumer complained twice.',
  acknowledge: 'Acknowledge',
  dismiss: 'Dismiss',
  reasonMissing: 'Give a reason to dismiss the signal.',
  pick: 'Choose to acknowledge or dismiss the signal.',
  tooLong: 'The reason may be at most 1000 characters.',
  alreadyDecided: 'Someone else has decided this signal; the page shows it now.',
  gone: 'There is no such signal.',
  done: { acknowledge: 'Signal acknowledged.', dismiss: 'Signal dismissed.' },
};

export function signalsMessages(lang: Lang): SignalsMessages {
  return lang === 'en' ? en : signalsZh;
}
