/** Valid submission bodies to vary per test. */
export const complaint = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  category: 'product.food',
  region: '440106',
  subject: { name: '某某食品有限公司', creditCode: '91440101MA5CJQ4N59', address: '广州市天河区体育西路1号' },
  description: '购买的月饼已经发霉，商家拒绝退款，要求处理。',
  occurredOn: '2026-11-20',
  claim: '退款并赔偿',
  reporter: { anonymous: false, name: '张三', phone: '13800138000', address: '广州市天河区天河路2号' },
  ...over,
});

export const report = (over: Record<string, unknown> = {}) => ({
  kind: 'report',
  category: 'product.food',
  region: '440106',
  subject: { name: '某某食品有限公司', address: '广州市天河区' },
  description: '该厂使用过期原料生产月饼，仓库在后门。',
  reward: true,
  reporter: { anonymous: true },
  ...over,
});

export const injury = (over: Record<string, unknown> = {}) => ({
  kind: 'injury',
  category: 'product.child',
  region: '440304',
  subject: { name: '某某玩具厂' },
  description: '儿童玩具小零件脱落，孩子误吞入院。',
  severity: 'serious',
  reporter: { anonymous: true },
  ...over,
});
