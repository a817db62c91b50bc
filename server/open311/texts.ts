/** The words Open311 answers carry, in Chinese (the default) and English (`?lang=en`). */
import type { CaseKind, RelationToMatter, Severity } from '../../domain/vocabulary.js';

export type Open311Lang = 'zh' | 'en';

export interface Open311Texts {
  domains: Record<string, string>;
  kinds: Record<CaseKind, string>;
  severities: Record<Severity, string>;
  relations: Record<RelationToMatter, string>;
  yesNo: { true: string; false: string };
  attributes: Record<string, { description: string; datatype_description: string | null }>;
  keyService: string;
}

const zh: Open311Texts = {
  domains: { product: '产品质量', engineering: '工程质量', service: '服务质量', other: '其他' },
  kinds: { complaint: '投诉', report: '举报', injury: '产品伤害' },
  severities: { minor: '轻微', serious: '严重', fatal: '死亡' },
  relations: { none: '无关系', insider: '内部人员', infringed_party: '受侵害方', agency_staff: '行政机关工作人员' },
  yesNo: { true: '是', false: '否' },
  attributes: {
    kind: { description: '类型：投诉、举报或产品伤害', datatype_description: '不填为举报；投诉须留姓名、电话和投诉人地址' },
    subject_name: { description: '被投诉举报的经营者名称', datatype_description: null },
    credit_code: { description: '经营者的统一社会信用代码', datatype_description: '18 位，数字和大写字母' },
    severity: { description: '伤害程度', datatype_description: '产品伤害必填，其他类型不填' },
    occurred_on: { description: '发生日期', datatype_description: 'W3C 日期或日期时间；按北京时间取日期' },
    claim: { description: '投诉请求', datatype_description: '仅限投诉' },
    reward: { description: '是否申请举报奖励', datatype_description: '仅限举报' },
    relation: { description: '举报人与被举报事项的关系', datatype_description: '仅限举报' },
    complainant_address: { description: '投诉人地址', datatype_description: '投诉必填；由大到小（省、市、区、街道、门牌）' },
  },
  keyService: 'API 密钥由平台运维人员或管理员发放（npm run intake -- api-key add）',
};

const en: Open311Texts = {
  domains: { product: 'Product quality', engineering: 'Construction quality', service: 'Service quality', other: 'Other' },
  kinds: { complaint: 'Complaint', report: 'Report (tip-off)', injury: 'Product injury' },
  severities: { minor: 'Minor', serious: 'Serious', fatal: 'Fatal' },
  relations: { none: 'No relation', insider: 'Insider', infringed_party: 'Infringed party', agency_staff: 'Agency staff' },
  yesNo: { true: 'Yes', false: 'No' },
  attributes: {
    kind: { description: 'Kind: complaint, report or product injury', datatype_description: 'Default: report. A complaint needs the name, phone and complainant address' },
    subject_name: { description: "The business's name", datatype_description: null },
    credit_code: { description: "The business's unified social credit code", datatype_description: '18 characters, digits and capital letters' },
    severity: { description: 'How grave the injury is', datatype_description: 'Required for a product injury, not allowed otherwise' },
    occurred_on: { description: 'When it happened', datatype_description: 'W3C date or date-time; the date in China Standard Time is kept' },
    claim: { description: "The complainant's claim", datatype_description: 'Complaints only' },
    reward: { description: 'Ask for a reward', datatype_description: 'Reports only' },
    relation: { description: "The reporter's relation to the matter", datatype_description: 'Reports only' },
    complainant_address: { description: "The complainant's address", datatype_description: 'Required for a complaint; general to specific (province, city, district, street, number)' },
  },
  keyService: 'API keys are issued by the operator or an admin (npm run intake -- api-key add)',
};

export const open311Texts: Record<Open311Lang, Open311Texts> = { zh, en };

export const langOf = (asked: string | undefined): Open311Lang => (asked === 'en' ? 'en' : 'zh');
