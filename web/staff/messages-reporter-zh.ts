/** Staff text about the reporter (zh-CN): messages, attachments, the complainant's contact, disclosure. */

export const reporterZh = {
  handover: '打印移送单',
  handoverHint: '移送单只载明举报人、投诉人代号，不含联系方式。',
  documents: '文书',
  attachments: {
    title: '附件', none: '没有附件。', name: '文件', type: '类型', size: '大小', metadata: '元数据',
    removed: '已去除元数据', kept: '元数据未能去除（此文件无法安全处理）', download: (name: string) => `下载 ${name}`,
    hint: '每次下载都会记入审计日志。',
    unnamed: (n: number) => `附件 ${n}`,
    afterFiling: '提交后补充', sent: '收到时间',
  },
  write: {
    title: '给举报人、投诉人留言', label: '留言内容',
    hint: '对方凭查询码在查询页面阅读，看到的是“承办部门”的留言，不显示您的姓名；实名者另有邮件提醒。',
    send: '发送留言', empty: '请填写留言内容', tooLong: (n: number) => `留言最多 5000 字，现在是 ${n} 字`,
    sent: '留言已发送，对方可凭查询码查看。',
  },
  refused: {
    title: '未能完成', conflict: '案件当前的状态不允许这样做。', forbidden: '您的角色不能这样做。', detail: '系统说明：',
  },
  contact: {
    title: '投诉人联系方式', masked: '已遮盖', reason: '打开原因', reasonHint: '仅用于联系投诉人调解。每次打开都记入审计日志（操作人、时间和原因）。',
    open: '打开完整联系方式', reasonMissing: '请填写打开原因（5 至 2000 字）',
    pageTitle: '投诉人完整联系方式', logged: '本次打开已记入审计日志（操作人、时间和原因）。',
    once: '完整联系方式只在本页显示这一次，不会保存；再次查看需要重新打开并再次记录。请勿抄录到移送单、邮件或导出文件中。',
    back: '返回案件',
  },
  identity: { name: '姓名', phone: '手机号码', address: '地址', email: '电子邮箱', idNumber: '身份证号' },
  disclosure: {
    title: '举报人身份披露', intro: '举报人身份依法密封。确有法定需要时，写明法律依据提出申请，由身份保管人审批；批准后只有您能查看一次，举报人会在查询页面看到身份已被披露。',
    legalReason: '法律依据和理由', request: '提交披露申请', reasonMissing: '请填写法律依据和理由（5 至 2000 字）',
    requested: '披露申请已提交，等待身份保管人审批。',
    mine: '我的披露申请', none: '您还没有对本案提出披露申请。', open: '您的申请审批或查看完成后，才能再次申请。',
    requestedAt: '申请时间', status: '状态', decidedAt: '审批时间', note: '审批意见',
    statuses: { pending: '待审批', approved: '已批准，尚未查看', denied: '已拒绝', viewed: '已查看' } as Record<string, string>,
    view: '查看身份（仅一次）', viewHint: '只能查看一次，查看记入审计日志。',
    pageTitle: '举报人身份', warning: '此身份信息只显示这一次，不会再次显示，也不会保存在浏览器中。请仅用于申请所写的法定用途。',
    logged: '本次查看已记入审计日志；举报人会在查询页面看到身份已被披露。',
  },
  custodian: {
    title: '身份披露审批', intro: '审批承办人查看密封的举报人身份、奖励经办人查看匿名举报人收款信息的申请。您只看到申请，看不到身份或收款信息。',
    pending: '待审批的申请', nonePending: '没有待审批的申请。', decided: '最近已审批的申请', noneDecided: '最近没有已审批的申请。',
    subject: '申请查看', subjects: { identity: '举报人身份', payee: '奖励收款信息（发放奖励）' } as Record<string, string>,
    caseNumber: '案件编号', kind: '类型', department: '承办部门', requester: '申请人', legalReason: '法律依据和理由', requestedAt: '申请时间',
    decision: '审批结果', decidedAt: '审批时间', note: '审批意见', viewedAt: '查看时间',
    approveNote: '批准意见（选填）', denyNote: '拒绝理由（必填）', approve: '批准', deny: '拒绝',
    noteMissing: '拒绝时请写明理由（5 至 2000 字）', noteTooLong: '审批意见最多 2000 字',
    decisions: { approved: '已批准', denied: '已拒绝' } as Record<string, string>,
    done: (decision: string, n: string) => `案件 ${n} 的披露申请：${decision}。`,
  },
};

export type ReporterMessages = typeof reporterZh;
