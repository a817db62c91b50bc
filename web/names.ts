/**
 * Directory names (categories, regions, departments) in the page language. The directory holds
 * zh and en; for zh-Hant the category names are written by hand below, and the proper names of
 * places and departments are written with the Traditional form of each of their characters
 * (official names: only the characters change). A name not covered stays as the directory has it.
 */
import type { Named } from '../server/directory/directory.js';
import type { Lang } from './i18n.js';

const CATEGORIES: Record<string, string> = {
  食品安全: '食品安全',
  '特种设备（电梯、锅炉、压力容器、游乐设施）': '特種設備（電梯、鍋爐、壓力容器、遊樂設施）',
  工业产品质量: '工業產品質量',
  儿童用品: '兒童用品',
  计量与定量包装净含量: '計量與定量包裝淨含量',
  '制假售假、假冒伪劣': '製假售假、假冒偽劣',
  认证认可与检验检测: '認證認可與檢驗檢測',
  标准执行: '標準執行',
  '药品、医疗器械、化妆品': '藥品、醫療器械、化妝品',
  '农资（化肥、农药、种子）': '農業物資（化肥、農藥、種子）',
  食用农产品: '食用農產品',
  住宅工程质量: '住宅工程質量',
  公共建筑工程质量: '公共建築工程質量',
  '交通工程（公路、桥梁、港口）': '交通工程（公路、橋樑、港口）',
  水利工程: '水利工程',
  商品零售服务: '商品零售服務',
  电子商务: '電子商務',
  餐饮服务: '餐飲服務',
  旅游服务: '旅遊服務',
  快递服务: '快遞服務',
  客运与物流服务: '客運與物流服務',
  电信服务: '電信服務',
  金融服务: '金融服務',
  医疗服务: '醫療服務',
  家政服务: '家政服務',
  物业服务: '物業管理服務',
  其他: '其他',
};

// Every character of the directory's place and department names whose Traditional form differs.
const CHARACTERS: Record<string, string> = Object.fromEntries([
  '与與', '业業', '东東', '举舉', '乐樂', '乡鄉', '云雲', '产產', '从從', '会會', '伪偽', '儿兒', '农農', '净淨',
  '准準', '务務', '区區', '医醫', '华華', '卫衛', '厅廳', '压壓', '员員', '国國', '场場', '备備', '头頭', '妆妝',
  '宝寶', '岗崗', '广廣', '庆慶', '执執', '报報', '总總', '检檢', '标標', '桥橋', '测測', '湾灣', '炉爐', '疗療',
  '盐鹽', '监監', '种種', '筑築', '罗羅', '药藥', '装裝', '计計', '认認', '设設', '证證', '诉訴', '质質', '资資',
  '输輸', '运運', '远遠', '递遞', '邮郵', '锅鍋', '门門', '阳陽', '饮飲', '验驗', '黄黃', '龙龍', '电電', '关關',
  '游遊', '视視', '县縣', '镇鎮', '银銀', '险險', '贸貿', '开開', '发發', '环環', '态態', '体體', '织織',
].map((pair) => [pair[0]!, pair[1]!]));

/** A proper name written with Traditional characters. */
export function traditionalName(zh: string): string {
  return Array.from(zh, (ch) => CHARACTERS[ch] ?? ch).join('');
}

/** A directory entry's name in the page language. */
export function nameIn(name: Named, lang: Lang): string {
  if (lang === 'en') return name.en;
  if (lang === 'zh') return name.zh;
  return CATEGORIES[name.zh] ?? traditionalName(name.zh);
}
