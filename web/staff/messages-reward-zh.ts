/** Staff text about rewards in zh-CN: the reward queue, the reward panel on a case, the reward rules. */
import type { RewardStatus } from '../../domain/vocabulary.js';

const yuan = (s: string) => `${s} 元`;

export const rewardZh = {
  nav: '奖励队列',
  rulesNav: '奖励规则',
  statuses: {
    requested: '已申请', eligible: '符合条件', ineligible: '不符合条件', proposed: '已提出金额', rejected: '已驳回',
    notified: '已告知举报人', claimed: '已申领', paid: '已发放', expired: '已过期',
  } satisfies Record<RewardStatus, string> as Record<string, string>,
  actions: {
    assess: '评定是否符合条件', propose: '提出奖励金额', approve: '批准', reject: '驳回', record_payment: '登记发放',
  } as Record<string, string>,
  yuan,
  queue: {
    title: '奖励队列', caption: '按最近更新时间排序（最早的在前）', status: '状态', all: '全部', apply: '筛选',
    empty: '没有符合条件的奖励。', next: '下一页', first: '回到第一页', pages: '分页', rules: '查看奖励规则',
    columns: { caseNumber: '案件编号', status: '状态', level: '奖励等级', fine: '罚没款（元）', amount: '奖励金额（元）', finance: '须财务会签', updated: '更新时间' },
    yes: '是', no: '否',
  },
  panel: {
    title: '举报奖励', status: '奖励状态', level: '奖励等级', fine: '罚没款', amount: '奖励金额', uplift: '内部知情人加奖',
    finance: '财务会签', financeRequired: '须财务会签', financeDone: '已会签', claimBy: '申领截止', reason: '原因', note: '说明',
    assessedBy: '评定人', proposedBy: '提出人', approvedBy: '审批人', paymentRef: '发放凭证号', paidAt: '发放时间',
    readOnly: '奖励由奖励经办人和审批人办理，此处仅供查看。', noActions: '您现在不能对该奖励执行任何操作。',
    ownProposal: '该金额由您提出，须由另一名审批人决定。',
    waiting: '举报作出处罚决定或移送司法机关后，才能评定是否符合奖励条件。',
  },
  form: {
    eligible: '是否符合奖励条件', yes: '符合', no: '不符合', reason: '不符合的原因', level: '奖励等级', levelOption: (l: number) => `${l} 级`,
    note: '提出理由', uplift: '内部知情人加奖（元，选填）', upliftHint: '举报人声明为内部知情人，可在基础金额上加奖，总额不超过上限。',
    preview: '计算金额', confirm: '确认提出', previewTitle: '请核对金额后确认',
    previewLine: (base: string, uplift: string, total: string) => `基础金额 ${yuan(base)}，加奖 ${yuan(uplift)}，合计 ${yuan(total)}。`,
    previewPlain: (total: string) => `合计 ${yuan(total)}。`,
    previewCapped: (asked: string, cap: string) => `所填加奖 ${yuan(asked)} 已按奖励上限 ${yuan(cap)} 减少。`,
    previewFinance: '该金额达到财务会签标准，批准时须财务会签。',
    financeSignOff: '财务已会签', approveNote: '审批意见（选填）', rejectReason: '驳回原因', paymentRef: '发放凭证号',
    required: '请填写此项', amount: '请填写以元为单位的金额，最多两位小数',
    financeSignOffLabel: '财务会签', financeMissing: '该金额达到财务会签标准：财务会签后勾选此项，再批准',
    excludedHint: (relation: string) => `举报人声明为“${relation}”，按奖励规则不予奖励。`,
    excludedReason: (relation: string) => `举报人声明为${relation}，按奖励规则不予奖励。`,
    endedHint: '该举报未作出处罚决定，也未移送司法机关，只能评定为不符合奖励条件。',
    endedReason: '未作出处罚决定，也未移送司法机关，按奖励规则不予奖励。',
  },
  done: (action: string) => `已完成奖励操作：${action}。`,
  refused: {
    title: (action: string) => `奖励操作未完成：${action}`,
    validation_failed: '请检查下面标出的内容。', conflict: '奖励当前的状态不允许此操作。', forbidden: '您不能执行此奖励操作。',
    detail: '系统说明：',
  },
  payout: {
    title: '收款信息',
    directIntro: '举报人实名举报。发放时可查看其收款信息，每次查看都记入审计日志，举报人会在查询页看到记录。',
    custodianIntro: '举报人匿名举报，收款信息已加密封存。须提出查看申请，经保管人批准后，您可查看一次；查看记入审计日志，举报人会在查询页看到记录。',
    reason: '申请理由（保管人可见）', request: '申请查看收款信息', view: '查看收款信息', viewOnce: '查看收款信息（仅可查看一次）',
    requests: '您的查看申请', requestedAt: '申请时间', state: '状态',
    states: { pending: '待保管人决定', approved: '已批准', denied: '已拒绝', viewed: '已查看' } as Record<string, string>,
    shownTitle: '收款信息（请据此发放，勿另行保存）', name: '收款人姓名', idNumber: '身份证号码', bankAccount: '银行账号', bankName: '开户行',
    requested: '查看申请已提交，待保管人决定。',
    reasonShort: '请写明申请理由，至少 5 个字',
    refusedTitle: '未能查看收款信息',
    conflict: '现在不能查看：须有保管人已批准且尚未用过的查看申请（每次批准只能查看一次）。',
    forbidden: '您的角色不能查看收款信息。',
  },
  rules: {
    title: '奖励规则', intro: '奖励金额 = min(上限, max(该等级最低额, 该等级比例 × 罚没款))，按分向下取整；内部知情人可加奖，总额不超过上限。',
    level: '等级', rate: '比例', minimum: '最低额', cap: '奖励上限', threshold: '财务会签标准（达到即须会签）',
    claimWindow: '申领期限', workingDays: (n: number) => `告知后 ${n} 个工作日`, excluded: '不予奖励的举报人', uplift: '可加奖的举报人',
    none: '无',
    merged: '合并的同一事实举报', mergedRule: '只奖励其中最早受理的一件，不论哪件并入哪件。',
  },
};

export type RewardMessages = typeof rewardZh;
