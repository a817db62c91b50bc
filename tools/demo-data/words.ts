/** The words demo cases are made of: business names, items, problems, replies (Chinese, some English). */
import type { CaseKind } from '../../domain/vocabulary.js';

export const BUSINESS_WORDS = {
  brand: [...'华美新永恒鑫泰盛达兴隆嘉信和安顺利祥宏丰汇源宝金佳康瑞正联创'],
  product: ['食品', '电器', '日用品', '科技', '玩具', '服饰', '五金', '建材', '化妆品', '医疗器械', '农资', '计量仪器'],
  engineering: ['建设工程', '房地产开发', '市政工程', '装饰工程', '水利工程'],
  service: ['商贸', '餐饮管理', '物业管理', '旅行社', '快递', '通信服务', '健身', '教育咨询', '家政服务', '电子商务', '医疗美容'],
  other: ['实业', '贸易', '发展'],
  road: ['中山路', '人民路', '建设路', '解放路', '天河路', '深南大道', '体育西路', '环市东路', '滨江路', '工业大道', '新华路', '青年路'],
};

export const ITEMS: Record<string, readonly string[]> = {
  'product.food': ['月饼', '牛奶', '婴儿奶粉', '速冻水饺', '食用油', '蛋糕', '腊肠', '瓶装饮料', '进口牛排'],
  'product.special_equipment': ['小区电梯', '商场自动扶梯', '游乐场过山车', '燃气锅炉'],
  'product.industrial': ['电热水器', '电动自行车电池', '空调', '插线板', '燃气灶'],
  'product.child': ['儿童玩具', '婴儿推车', '儿童安全座椅', '学生文具'],
  'product.drug': ['降压药', '口罩', '血糖仪', '面霜'],
  'product.agri_input': ['化肥', '农药', '种子'],
  'product.agri_produce': ['大米', '蔬菜', '水果'],
  'engineering.housing': ['新购商品房', '装修工程', '小区外墙'],
  'engineering.public_building': ['学校教学楼', '体育馆'],
  'engineering.transport': ['市政道路', '人行天桥'],
  'engineering.water': ['供水管网', '河堤'],
  'service.ecommerce': ['网购手机', '直播间购买的护肤品', '网购家具', '外卖平台订单'],
  'service.catering': ['餐厅套餐', '奶茶', '外卖'],
  'service.tourism': ['跟团游', '景区门票', '酒店预订'],
  'service.express': ['快递包裹', '同城配送'],
  'service.telecom': ['宽带套餐', '手机话费', '流量包'],
  'service.finance': ['信用卡分期', '理财产品'],
  'service.property': ['物业服务', '停车收费'],
  'service.health': ['体检套餐', '医美项目'],
};
export const DEFAULT_ITEMS = ['商品', '服务', '会员卡', '预付卡'];

export const PROBLEMS: Record<string, readonly string[]> = {
  product: ['已经发霉变质', '与宣传严重不符', '使用一周就出现故障', '包装上没有生产日期', '疑似假冒注册商标', '实际重量不足'],
  engineering: ['墙体出现多处裂缝', '交付后卫生间漏水', '施工质量明显不合格', '使用的材料与合同不符'],
  service: ['收费与宣传不一致', '迟迟不履行约定', '擅自扣费', '服务质量很差且拒绝退款', '办卡后商家关门跑路'],
  other: ['存在质量问题', '与约定不符'],
};
export const RESPONSES = ['商家拒绝退换', '客服一直推诿', '对方不予理睬', '多次协商未果', '商家只同意退一半'];
export const CLAIMS = ['退款并赔偿', '退一赔三', '更换商品', '赔偿损失', '修复并赔偿', '退还预付费用'];
export const VIOLATIONS = ['使用过期原料生产', '无证生产经营', '销售假冒伪劣产品', '虚假宣传', '缺斤短两', '违规添加非食用物质'];
export const EVIDENCE = ['仓库在厂区后门', '每天夜间出货', '有进货单据为证', '已拍下现场照片', '员工可以作证'];
export const HARMS = ['孩子误吞小零件入院', '起火导致手部烧伤', '突然爆裂划伤面部', '导致过敏住院治疗', '发生漏电致人受伤'];

export const EN: Record<CaseKind, readonly string[]> = {
  complaint: ['The product I bought stopped working within a week and the shop refuses a refund.', 'The service was not what was advertised and the company will not reply.'],
  report: ['The factory relabels expired goods and sells them as new; deliveries leave at night.', 'The shop sells counterfeit branded goods; I have photos of the stock.'],
  injury: ['A part came loose and my child swallowed it; she was treated in hospital.', 'The charger overheated and burned my hand.'],
};

// Reporters' names.
export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡'];
export const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉晓燕建国志红海波宇欣怡浩然子轩梓涵'];

// Messages between a department and the reporter; the reply a case closes with, by the status it closes from.
export const QUESTIONS = ['请补充购买凭证的照片。', '请提供事发的具体时间和地点。', '我们已联系商家核实，请保持电话畅通。'];
export const ANSWERS = ['凭证已补充，请查收。', '商家至今没有联系我。', '请问现在的处理进度如何？'];
export const REPLIES: Record<string, readonly string[]> = {
  mediated: ['经调解，双方达成一致，商家已退款。', '经调解，商家同意更换商品并赔偿。'],
  mediation_failed: ['调解未能达成一致，您可依法向人民法院起诉或申请仲裁。'],
  not_accepted: ['经审查，不符合受理条件，已告知您向有关部门反映。'],
  accepted: ['已受理并处理完毕。'],
  penalty_decided: ['经核查，已依法立案并作出行政处罚。感谢您的举报。'],
  case_opened: ['已立案调查，相关线索已移送司法机关处理。'],
  not_opened: ['经核查，未发现违法事实，决定不予立案。'],
  investigating: ['已完成调查，已督促企业召回问题产品。'],
  triaged: ['经核查，属一般质量问题，已督促企业整改。'],
};

// Products named on product cases: brands, model prefixes, and the item names by category (ITEMS above).
export const PRODUCT_BRANDS = ['美滋', '康乐', '金禾', '欣宝', '安力', '优品', '福源', '童趣', '雅洁', '恒温', '鑫电', '绿野'];
export const MODEL_PREFIXES = ['A', 'BX', 'K', 'HT', 'Q', 'DS', 'M', 'YL'];
