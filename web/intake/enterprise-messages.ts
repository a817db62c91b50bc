/**
 * The enterprise path's text (the responsible enterprise reports its own accident), in the three
 * public languages: its page, its fields and the messages beside a field that needs fixing.
 * Kept beside the form like flow-messages.ts.
 */
import type { Lang } from '../i18n.js';

const zh = {
  entryLink: '企业报告本企业的质量事故',
  entryHint: '发生事故的责任企业，请由联系人代表企业报告。',
  title: '企业报告质量事故',
  intro: '发生产品伤害或质量事故的责任企业，在这里报告本企业的事故：企业名称和统一社会信用代码、伤亡和直接经济损失，以及一名联系人。带“必填”的项目必须填写。',
  citizenLink: '不是代表企业？以个人身份报告伤害或事故',
  matterLegend: '事故',
  accidentLegend: '伤亡和损失',
  accidentHint: '按目前掌握的情况填写，没有的填 0。有人死亡的按“致人死亡”处理；重伤 3 人以上或直接经济损失 100 万元以上的按“严重”处理：24 小时内分流，并由省市场监督管理局协办。',
  deaths: '死亡人数',
  seriouslyInjured: '重伤人数',
  injured: '轻伤人数',
  injuredHint: '不含重伤人数。',
  directLoss: '直接经济损失（元）',
  directLossHint: '以元为单位，可以有两位小数，例如 1200000 或 3500.50；尚未核定的可以不填。',
  severityHint: '由上面的数字确定；实际情况更严重的，可以在这里选更重的程度。',
  enterpriseLegend: '报告企业（事故责任企业）',
  enterpriseName: '企业名称',
  enterpriseNameHint: '与营业执照上的名称一致。',
  creditCodeHint: '18 位，印在营业执照上。',
  enterpriseAddress: '企业地址',
  contactLegend: '联系人',
  contactIntro: '承办部门通过联系人与企业联系。联系人的姓名和电话加密保存，办案人员只看到编号。',
  contactName: '联系人姓名',
  errors: {
    count: '请填写人数：0 或正整数',
    loss: '请以元为单位填写金额，例如 1200000 或 3500.50',
    accidentMissing: '请填写伤亡人数',
    enterpriseName: '请填写企业名称（最多 200 字）',
    creditCodeMissing: '请填写企业的统一社会信用代码',
    notInjury: '只有产品伤害·质量事故可以由企业报告',
    contactName: '请填写联系人姓名（最多 50 字）',
  },
};

export type EnterpriseText = typeof zh;

const zhHant: EnterpriseText = {
  entryLink: '企業報告本企業的質量事故',
  entryHint: '發生事故的責任企業，請由聯絡人代表企業報告。',
  title: '企業報告質量事故',
  intro: '發生產品傷害或質量事故的責任企業，在這裏報告本企業的事故：企業名稱和統一社會信用代碼、傷亡和直接經濟損失，以及一名聯絡人。標有「必填」的項目必須填寫。',
  citizenLink: '不是代表企業？以個人身份報告傷害或事故',
  matterLegend: '事故',
  accidentLegend: '傷亡和損失',
  accidentHint: '按目前掌握的情況填寫，沒有的填 0。有人死亡的按「致人死亡」處理；重傷 3 人以上或直接經濟損失 100 萬元以上的按「嚴重」處理：24 小時內分流，並由省市場監督管理局協辦。',
  deaths: '死亡人數',
  seriouslyInjured: '重傷人數',
  injured: '輕傷人數',
  injuredHint: '不含重傷人數。',
  directLoss: '直接經濟損失（元）',
  directLossHint: '以元為單位，可以有兩位小數，例如 1200000 或 3500.50；尚未核定的可以不填。',
  severityHint: '由上面的數字確定；實際情況更嚴重的，可以在這裏選更重的程度。',
  enterpriseLegend: '報告企業（事故責任企業）',
  enterpriseName: '企業名稱',
  enterpriseNameHint: '與營業執照上的名稱一致。',
  creditCodeHint: '18 位，印在營業執照上。',
  enterpriseAddress: '企業地址',
  contactLegend: '聯絡人',
  contactIntro: '承辦部門透過聯絡人與企業聯繫。聯絡人的姓名和電話加密保存，辦案人員只看到編號。',
  contactName: '聯絡人姓名',
  errors: {
    count: '請填寫人數：0 或正整數',
    loss: '請以元為單位填寫金額，例如 1200000 或 3500.50',
    accidentMissing: '請填寫傷亡人數',
    enterpriseName: '請填寫企業名稱（最多 200 字）',
    creditCodeMissing: '請填寫企業的統一社會信用代碼',
    notInjury: '只有產品傷害·質量事故可以由企業報告',
    contactName: '請填寫聯絡人姓名（最多 50 字）',
  },
};

const en: EnterpriseText = {
  entryLink: 'Report an accident for your enterprise',
  entryHint: 'For the enterprise responsible for an accident: a contact person reports it on its behalf.',
  title: 'Report a quality accident for your enterprise',
  intro: 'The enterprise responsible for a product injury or quality accident reports it here: the enterprise\'s name and unified social credit code, the deaths, injuries and direct loss, and a contact person. Fields marked “required” must be filled in.',
  citizenLink: 'Not reporting for an enterprise? Report an injury or accident as a person',
  matterLegend: 'The accident',
  accidentLegend: 'Casualties and loss',
  accidentHint: 'As far as known now; enter 0 where there are none. A death makes the report fatal; three or more seriously injured, or a direct loss of 1,000,000 yuan or more, makes it serious: it is triaged within 24 hours, with the provincial market regulator as co-handler.',
  deaths: 'Deaths',
  seriouslyInjured: 'Seriously injured',
  injured: 'Slightly injured',
  injuredHint: 'Not counting the seriously injured.',
  directLoss: 'Direct economic loss (yuan)',
  directLossHint: 'In yuan, with up to two decimals, e.g. 1200000 or 3500.50; leave empty if not yet assessed.',
  severityHint: 'Set by the figures above; if the accident is more severe than they show, choose the higher severity here.',
  enterpriseLegend: 'Your enterprise (the responsible party)',
  enterpriseName: 'Enterprise name',
  enterpriseNameHint: 'As on its business licence.',
  creditCodeHint: '18 characters, printed on the business licence.',
  enterpriseAddress: 'Enterprise address',
  contactLegend: 'Contact person',
  contactIntro: 'The department reaches the enterprise through its contact person. The contact\'s name and phone number are stored encrypted; case handlers see only a reference.',
  contactName: 'Contact person\'s name',
  errors: {
    count: 'Enter a number of people: 0 or a whole number',
    loss: 'Enter the amount in yuan, e.g. 1200000 or 3500.50',
    accidentMissing: 'Enter the numbers of deaths and injured',
    enterpriseName: 'Enter the enterprise name (at most 200 characters)',
    creditCodeMissing: 'Enter the enterprise\'s unified social credit code',
    notInjury: 'Only an injury or quality accident can be reported by the enterprise',
    contactName: 'Enter the contact person\'s name (at most 50 characters)',
  },
};

const texts: Record<Lang, EnterpriseText> = { zh, 'zh-Hant': zhHant, en };

export const enterpriseText = (lang: Lang): EnterpriseText => texts[lang];
