/** Staff text for finding and routing cases in zh-CN: queue search and order, dispatching a triage case, KPI totals. */
export const workZh = {
  search: {
    label: '查找案件', hint: '完整的案件编号或统一社会信用代码，或企业名称的开头（例如“某某食品”）。', submit: '查找',
    clear: '清除查找', showing: (q: string) => `查找“${q}”的结果`, tooLong: '查找内容最多 100 个字，请缩短后再查。',
  },
  order: '未办结的案件按下一个到期时间排在前面，没有进行中时限的其后，已办结、已并案的排在最后。',
  dispatch: {
    jump: '本案还没有承办部门：去派单',
    title: '派单', intro: '本案还没有承办部门，请先派单。派单后才能催办。',
    suggested: (name: string) => `按分派规则，本案应派给：${name}（已预先选中，可以改选）。`,
    noSuggestion: '分派规则没有为本案找到承办部门，请按地区和类别选择。',
    suggestedReturned: (name: string) => `分派规则指向${name}，但该部门已退回本案，请另选承办部门。`,
    suggestedGroup: '分派规则建议', province: '省级部门',
    filterLabel: '筛选部门', filterHint: '输入部门名称、城市或编码的一部分，例如“天河”。', filterSubmit: '筛选',
    filterShowing: (q: string, n: number) => `名称含“${q}”的部门：${n} 个。`, filterClear: '显示全部部门',
    noMatch: '没有匹配的部门，请换个词或显示全部部门。',
  },
  duplicates: {
    later: '较晚收到：应把该案并入本案，请在该案页面操作。',
  },
  overview: {
    total: '合计',
    windows: '及时签收率只计签收期限已经结束的派单，按时办结率只计到期时间已过的时限：仍在期限内的既不算按时也不算超时。',
  },
};

export type WorkMessages = typeof workZh;
