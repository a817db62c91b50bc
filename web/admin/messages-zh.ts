/** Admin pages text in zh-CN (the default); names follow docs/lifecycle.md. */
import type { Role } from '../../server/staff/roles.js';

export const adminZh = {
  title: '系统管理',
  workspace: '工作台',
  signOut: '退出登录',
  nav: {
    label: '系统管理导航', home: '管理首页', users: '账号', departments: '部门', routing: '分派规则和类别',
    preview: '分派预览', changes: '变更记录', outbox: '邮件发送队列', holds: '法律保全', rewardRules: '奖励规则',
  },
  roles: {
    intake: '受理中心派单员', handler: '承办人', supervisor: '部门负责人', reward_officer: '奖励经办人',
    reward_approver: '奖励审批人', custodian: '身份保管人', auditor: '审计员', admin: '管理员',
  } satisfies Record<Role, string>,
  kinds: { complaint: '投诉', report: '举报', injury: '伤害事故' } as Record<string, string>,
  severities: { minor: '轻微伤害', serious: '严重伤害', fatal: '致人死亡' } as Record<string, string>,
  common: {
    yes: '是', no: '否', active: '启用', inactive: '已停用', any: '任意类型', none: '无', choose: '请选择',
    edit: '编辑', save: '保存', optional: '选填', noDepartment: '无所属部门',
  },
  done: {
    created: '账号已创建。', disabled: '账号已停用，该用户的所有会话已结束。', enabled: '账号已启用。',
    password: '密码已重置，该用户的所有会话已结束。', role: '角色已更改。', department: '部门已保存。',
    ruleCreated: '分派规则已添加。', ruleSaved: '分派规则已保存。', ruleDeactivated: '分派规则已停用。', category: '类别已保存。',
    grantRequested: '已提交申请：须由另一名管理员批准后才生效，账号在此之前保持不变。',
    grantApproved: '已批准，变更已生效。', grantDenied: '申请已拒绝（或撤回），账号未变更。',
    holdSet: '已对该案件设置法律保全。', holdCleared: '已解除该案件的法律保全。',
  } as Record<string, string>,
  errors: {
    summary: '未能保存，请修改以下内容',
    forbiddenTitle: '无权访问', forbidden: '只有管理员可以使用系统管理页面。',
    csrfTitle: '请求被拒绝', csrf: '表单已过期或不是从本站页面提交的，请刷新页面后重试。',
    notFoundTitle: '找不到', notFound: '没有这一项，可能已被更改。',
    genericTitle: '出错了', generic: '服务暂时出现问题，请稍后再试。',
    back: '返回管理首页',
  },
  home: {
    intro: '管理工作人员账号、部门和管辖区域、分派规则和类别。每一项更改都记入不可篡改的审计日志。',
    recent: '最近的变更', allChanges: '全部变更记录',
  },
  users: {
    title: '账号', username: '用户名', usernameHint: '3 至 64 个字符：小写字母、数字、点、短横线、下划线。',
    displayName: '显示名称', role: '角色', department: '部门', status: '状态', enabled: '正常', disabled: '已停用',
    totp: '一次性验证码', totpOn: '已启用', totpOff: '未启用', createdAt: '创建时间', passwordChangedAt: '密码修改时间',
    createHeading: '新建账号', password: '初始密码', newPassword: '新密码',
    passwordHint: '至少 12 个字符。请通过安全渠道告知本人，并提醒其登录后妥善保管。',
    departmentHint: '承办人和部门负责人必须选择部门；其他角色不选，或选受理中心。', create: '创建账号',
    statusHeading: '账号状态', disable: '停用账号', disableHint: '停用后立即退出所有会话，不能再登录。', enable: '启用账号',
    resetHeading: '重置密码', resetHint: '重置后该用户的所有会话立即结束，须用新密码重新登录。', reset: '重置密码',
    roleHeading: '更改角色和部门', roleHint: '授予管理员、身份信息保管人或奖励审批人角色须由另一名管理员批准。这些角色登录时需要一次性验证码，由本人在首次登录时设置。',
    changeRole: '更改角色', self: '这是您自己的账号：不能停用或更改自己的角色，请由其他管理员操作。',
    totpPending: '待本人设置（首次登录时）',
    grantsHeading: '待第二名管理员批准', grantsNone: '没有待批准的申请。',
    grantsIntro: '授予管理员、身份信息保管人或奖励审批人角色（新账号、更改角色、重新启用、重置密码）须由另一名管理员批准；申请人本人不能批准。',
    grantKind: '申请事项', requestedBy: '申请人', requestedAt: '申请时间', approve: '批准', deny: '拒绝',
    grantOwn: '您提出的申请须由另一名管理员批准；您可以撤回（拒绝）。', pendingGrant: '待批准的申请',
    kinds: { create: '新建账号', role: '更改角色', enable: '重新启用', password: '重置密码' } as Record<string, string>,
  },
  holds: {
    title: '法律保全', intro: '处于法律保全的案件，在保存期限届满后仍保留密封的身份信息、原文和附件：清理（purge）跳过该案件，直至解除保全。设置和解除均连同理由记入审计日志。',
    caseNumber: '案件编号', reason: '理由', reasonHint: '例如法院协助调查通知书或有关机关的要求；理由记入审计日志。',
    set: '设置保全', clear: '解除保全', status: '状态', closedAt: '办结时间', none: '目前没有处于法律保全的案件。',
    heading: '处于保全的案件', formHeading: '设置或解除保全',
  },
  departments: {
    title: '部门', filter: '按机构筛选', allAgencies: '全部机构', apply: '筛选', code: '代码', name: '名称',
    agency: '机构', region: '所在区划', email: '电子邮箱', active: '状态', jurisdiction: '管辖区域',
    nameZh: '中文名称', nameEn: '英文名称', emailHint: '接收派单和催办通知的部门邮箱；留空则不发邮件。',
    activeLabel: '启用（参与自动分派）', activeHint: '停用后不再分派新案件，已有案件不受影响。',
    jurisdictionHint: '区划代码，用空格或逗号分隔；覆盖一个区划即覆盖其下级区划。',
    save: '保存部门', count: (n: number) => `共 ${n} 个部门`, regions: '区划代码表',
  },
  routing: {
    title: '分派规则和类别', rulesHeading: '分派规则',
    rulesIntro: '规则指定类别由哪个机构办理；案件再按管辖区域交给该机构最具体的部门（区县、地市、省）。同一类别有多条规则时，指定案件类型的规则优先，其次优先级高者优先。',
    id: '编号', category: '类别', kind: '案件类型', kindHint: '不选则适用于该类别的所有案件类型。', agency: '机构',
    priority: '优先级', priorityHint: '整数，-1000 至 1000，数字大者优先。', note: '说明', active: '状态',
    activeLabel: '启用', addHeading: '添加规则', add: '添加规则', save: '保存规则',
    deactivateHeading: '停用规则', deactivateHint: '停用后不再用于分派；已分派的案件仍记录这条规则。', deactivate: '停用规则',
    categoriesHeading: '类别', code: '代码', domain: '领域', kinds: '受理类型', nameZh: '中文名称', nameEn: '英文名称',
    categoryAgencyHint: '类别上的机构供显示和参考；实际分派以分派规则为准。', saveCategory: '保存类别',
  },
  preview: {
    title: '这件事会分派到哪里？', intro: '按群众提交时使用的同一套分派规则计算，不会创建案件。',
    category: '类别', region: '地区', kind: '案件类型', kindHint: '不选则按该类别受理的第一种类型。',
    severity: '伤害程度', severityHint: '仅伤害事故填写。', submit: '查看分派结果',
    result: '分派结果', department: '承办部门', triage: '规则无法分派：进入省受理中心的待分派队列，由派单员人工分派。',
    rule: '决定分派的规则', noRule: '无', reason: '分派说明', urgent: '紧急', cohandlers: '协办部门',
  },
  changes: {
    title: '管理变更记录', at: '时间', actor: '操作人', action: '操作', detail: '内容', empty: '还没有管理变更。', older: '更早的记录',
    actions: {
      'admin.user.create': '新建账号', 'admin.user.disable': '停用账号', 'admin.user.enable': '启用账号',
      'admin.user.password_reset': '重置密码', 'admin.user.role': '更改角色', 'admin.department.update': '修改部门',
      'admin.rule.create': '添加分派规则', 'admin.rule.update': '修改分派规则', 'admin.rule.deactivate': '停用分派规则',
      'admin.category.update': '修改类别',
    } as Record<string, string>,
  },
};

export type AdminMessages = typeof adminZh;
