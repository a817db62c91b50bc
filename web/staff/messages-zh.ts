/** Staff workspace text in zh-CN (the default); names follow docs/lifecycle.md. */
import type { CaseStatus } from '../../domain/vocabulary.js';
import type { ActionName } from '../../server/cases/lifecycle.js';
import type { Role } from '../../server/staff/roles.js';
import { reporterZh } from './messages-reporter-zh.js';
import { rewardZh } from './messages-reward-zh.js';
import { workZh } from './messages-work-zh.js';

const dhm = (d: number, h: number, m: number) => (d > 0 ? `${d}天${h}小时` : h > 0 ? `${h}小时${m}分钟` : `${m}分钟`);

export const staffZh = {
  workspace: '工作台',
  nav: { label: '工作台导航', queue: '案件队列', overview: '部门概况', disclosures: '身份披露审批' },
  header: { user: '当前用户', department: '部门', noDepartment: '无所属部门', signOut: '退出登录' },
  roles: {
    intake: '受理中心派单员', handler: '承办人', supervisor: '部门负责人', reward_officer: '奖励经办人',
    reward_approver: '奖励审批人', custodian: '身份保管人', auditor: '审计员', admin: '管理员',
  } satisfies Record<Role, string>,
  kinds: { complaint: '投诉', report: '举报', injury: '伤害事故' } as Record<string, string>,
  statuses: {
    received: '已收到', accepted: '已受理', not_accepted: '不予受理', mediating: '调解中', mediated: '调解成功',
    mediation_failed: '调解不成', verifying: '核查中', case_opened: '已立案', not_opened: '不予立案',
    penalty_decided: '已作出处罚决定', referred: '已移送司法机关', triaged: '已分诊', investigating: '调查中', closed: '已办结',
    transfer_requested: '已退回受理中心', merged: '已并案',
  } satisfies Record<CaseStatus, string> as Record<string, string>,
  actions: {
    sign: '签收', accept: '受理', not_accept: '不予受理', start_mediation: '开始调解', mediated: '调解成功',
    mediation_failed: '调解不成', start_verification: '开始核查', open_case: '立案', not_open: '不予立案',
    extend: '延期', decide_penalty: '作出处罚决定', refer_prosecution: '移送司法机关', triage: '分诊', start_investigation: '开始调查', close: '办结',
    pause: '挂起', resume: '恢复计时', request_transfer: '退回受理中心', assign: '派单', add_cohandler: '增加协办部门',
    urge: '催办', merge: '并案', rehandle: '重办', note: '添加备注',
  } satisfies Record<ActionName, string> as Record<string, string>,
  events: {
    received: '收到', routed: '自动分派', queued_for_triage: '转受理中心分派', cohandler_added: '增加协办部门',
    escalated: '升级督办', merged_from: '并入重复件',
    reward_eligible: '奖励评定：符合条件', reward_ineligible: '奖励评定：不符合条件', reward_proposed: '提出奖励金额',
    reward_notified: '奖励已批准并告知举报人', reward_rejected: '奖励已驳回', reward_claimed: '举报人申领奖励',
    reward_paid: '奖励已发放', reward_expired: '奖励申领已过期', reward_payee_viewed: '查看收款信息（已审计）',
    evidence_added: '举报人/投诉人补充了材料',
  } as Record<string, string>,
  grounds: {
    not_competent: '不属于本部门管辖', handled_elsewhere: '已由其他机关受理或处理', not_consumption: '不是为生活消费需要',
    over_three_years: '超过三年', material_missing: '未提供必要材料', false_material: '提供的材料虚假',
    other_legal_ground: '其他法定情形',
  } as Record<string, string>,
  clocks: {
    accept_decision: '决定是否受理', mediation: '调解结束', open_decision: '决定是否立案',
    reporter_notice: '告知举报人', triage: '分诊', claim_window: '申领奖励',
  } as Record<string, string>,
  clockStatus: { running: '计时中', paused: '已挂起', stopped: '已停止' } as Record<string, string>,
  due: {
    overdue: '已超期', soon: '即将到期', ok: '时限内', none: '无进行中的时限', late: '逾期完成', onTime: '按时完成',
    left: (d: number, h: number, m: number) => `剩余${dhm(d, h, m)}`,
    over: (d: number, h: number, m: number) => `超期${dhm(d, h, m)}`,
    provisional: '暂定', extended: '已延期',
  },
  flags: {
    label: '标记', urgent: '紧急', urged: '已催办', escalated: '已升级督办', creditCode: '信用代码校验未通过', gtin: '商品条码校验未通过', legalHold: '法律保全',
  },
  queue: {
    title: '案件队列', views: '视图', byStatus: '按状态', all: '全部', overdue: '已超期', dueSoon: '2个工作日内到期',
    triage: '待分派', filters: '筛选条件', status: '状态', kind: '类型', category: '类别', any: '全部', apply: '筛选',
    reset: '清除筛选', empty: '没有符合条件的案件。', next: '下一页', pages: '分页', first: '回到第一页', caption: '按下一个到期时间排序',
    noQueue: '您的角色没有案件队列。', noQueueHint: '案件队列供受理中心、承办人和部门负责人使用。',
    columns: {
      caseNumber: '案件编号', kind: '类型', category: '类别', region: '地区', status: '状态', department: '承办部门',
      received: '收到时间', due: '下一时限', flags: '标记', reporter: '举报人/投诉人',
    },
  },
  case: {
    details: '案件信息', subject: '被投诉举报企业', name: '名称', creditCode: '统一社会信用代码', address: '地址',
    product: '产品', productName: '产品名称', brand: '品牌', model: '型号规格', batch: '批号', gtin: '商品条码（GTIN）',
    category: '类别', region: '地区', kind: '类型', status: '状态', department: '承办部门', triage: '待受理中心分派',
    cohandlers: '协办部门', received: '收到时间', occurredOn: '发生日期', severity: '伤害程度', reporter: '举报人/投诉人',
    anonymous: '匿名', realName: '实名', contact: '联系方式（已遮盖）', description: '情况描述（已脱敏）', claim: '诉求（已脱敏）', fine: '罚没款',
    reward: '申请举报奖励', yes: '是', no: '否', mergedInto: '已并入',
    severities: { minor: '轻微伤害', serious: '严重伤害', fatal: '致人死亡' } as Record<string, string>,
    relation: '举报人与被举报事项的关系',
    relations: { none: '无利害关系', insider: '内部知情人', infringed_party: '受侵害方', agency_staff: '行政机关工作人员' } as Record<string, string>,
    clocks: '办理时限', clock: '时限', dueAt: '到期时间', clockStatus: '状态', timeLeft: '剩余时间',
    timeline: '办理记录', at: '时间', event: '事项', actor: '操作人', note: '说明', system: '系统',
    messages: '与举报人、投诉人的留言', noMessages: '暂无留言。', from: { reporter: '举报人/投诉人', department: '承办部门' } as Record<string, string>,
    assignments: '派单记录', noAssignments: '暂无派单记录。', dispatched: '派单时间', signDue: '签收期限', signed: '签收时间',
    returned: '退回时间', returnReason: '退回原因',
    duplicates: '可能重复的案件', mergeHint: '把本案并入较早收到的同一事项，由该案继续办理。',
    mergeInto: (n: string) => `并入 ${n}`,
    actions: '办理操作', noActions: '您现在不能对本案执行任何操作。',
  },
  fields: {
    reason: '原因', reply: '答复举报人、投诉人的办理结果', note: '备注', ground: '不予受理的法定情形',
    fineFen: '罚没款金额（元）', department: '部门', into: '并入的案件编号', choose: '请选择',
    nearDepartments: '管辖本案地区的部门', otherDepartments: '其他部门',
  } as Record<string, string>,
  done: (action: string) => `已完成操作：${action}。`,
  doneAway: (action: string, n: string) => `已完成操作：${action}。案件 ${n} 已不在您的队列中。`,
  failure: {
    title: (action: string) => `操作未完成：${action}`,
    validation_failed: '请检查下面标出的内容。',
    conflict: '案件当前的状态不允许此操作。',
    forbidden: '您的角色不能执行此操作。',
    required: '请填写此项',
    fine: '请填写以元为单位的金额，最多两位小数',
    detail: '系统说明：',
    typed: '您填写的内容（此操作当前不可用，可复制后另用）：',
  },
  errorPages: {
    pageNotFoundTitle: '找不到这个页面', pageNotFound: '工作台没有这个地址，可能是地址输错了，或页面已经移动。',
    notFoundTitle: '找不到该案件', notFound: '案件不存在，或不由您的部门办理。',
    forbiddenTitle: '无权访问', forbidden: '您的角色不能使用此页面。',
    csrf: '表单已过期或并非来自本站页面，请刷新页面后重试。',
    invalidTitle: '请求有误', invalid: '请求的参数不正确。',
    conflictTitle: '无法完成', conflict: '当前状态不允许这样做。',
    genericTitle: '出错了', generic: '服务暂时出现问题，请稍后再试。',
    back: '返回工作台首页',
  },
  overview: {
    title: '部门概况', from: '起始日期', to: '截止日期', apply: '查看', period: (from: string, to: string) => `统计期间：${from} 至 ${to}`,
    department: '部门', dispatched: '派单', signRate: '及时签收率', returnRate: '回退率', onTimeRate: '按时办结率',
    rehandleRate: '重办率', overdue: '当前超期', dueSoon: '2个工作日内到期', empty: '该期间没有数据。',
    invalid: '请填写正确的日期（年-月-日），截止日期不能早于起始日期。',
    note: '比率后括号内为分子/分母；无数据时显示“—”。',
  },
  reporter: reporterZh,
  reward: rewardZh,
  work: workZh,
};

export type StaffMessages = typeof staffZh;
