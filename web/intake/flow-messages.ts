/**
 * The intake form's text for its steps (choosing the kind, switching the language, the receipt
 * shown once), in the three public languages. Kept beside the form rather than in the catalogues.
 */
import type { Lang } from '../i18n.js';

const zh = {
  continueKind: '按所选类型显示相应栏目',
  continueKindHint: '选好类型后点此按钮，页面会只显示适用于该类型的栏目，已填写的内容会保留。',
  chooseKindFirst: '请先选择要提交的类型，再填写适用于该类型的栏目。',
  filesAgain: '切换语言或类型后，浏览器不会保留已选的文件，请重新选择。',
  keyUsed: '这张表单已经提交过一次，内容随后又有改动。如果要另外提交一件新的事项，请检查后再次点击“提交”。',
  categoryNotForKind: '“{category}”不受理{kind}，请另选类别。',
  filteredStale: '类别列表是按“{kind}”筛选的，请点“显示全部类别”。',
  shownTitle: '查询码已经显示过',
  shownBody: '为保护您的信息，查询码只显示一次，刷新或再次打开此页面不会再显示，也不会重复提交。',
  shownFollowup: '请用您记下的 16 位查询码查询进度、补充材料。',
  shownLost: '如果没有记下查询码，就无法在网上查询这件事项；留下了联系方式的，承办部门会直接联系您。请不要重复提交。',
  followupLink: '用查询码查询进度',
  homeLink: '返回首页',
};

type FlowText = typeof zh;

const zhHant: FlowText = {
  continueKind: '按所選類型顯示相應欄目',
  continueKindHint: '選好類型後按此按鈕，頁面只會顯示適用於該類型的欄目，已填寫的內容會保留。',
  chooseKindFirst: '請先選擇要提交的類型，再填寫適用於該類型的欄目。',
  filesAgain: '切換語言或類型後，瀏覽器不會保留已選的檔案，請重新選擇。',
  keyUsed: '這張表格已經提交過一次，內容其後又有改動。如要另外提交一件新的事項，請檢查後再按「提交」。',
  categoryNotForKind: '「{category}」不受理{kind}，請另選類別。',
  filteredStale: '類別列表是按「{kind}」篩選的，請按「顯示全部類別」。',
  shownTitle: '查詢碼已經顯示過',
  shownBody: '為保護您的資料，查詢碼只顯示一次，重新整理或再次打開此頁面不會再顯示，也不會重複提交。',
  shownFollowup: '請用您記下的 16 位查詢碼查詢進度、補充材料。',
  shownLost: '如果沒有記下查詢碼，就無法在網上查詢這件事項；留下了聯絡方法的，承辦部門會直接聯絡您。請不要重複提交。',
  followupLink: '用查詢碼查詢進度',
  homeLink: '返回首頁',
};

const en: FlowText = {
  continueKind: 'Show the fields for this kind',
  continueKindHint: 'Once you have chosen, press this button: the page then shows only the fields that apply, and keeps what you typed.',
  chooseKindFirst: 'Choose what you are filing first; the fields that apply to it then appear.',
  filesAgain: 'After switching the language or the kind, the browser does not keep the files you chose: please choose them again.',
  keyUsed: 'This form was already sent once and has been changed since. To file another, separate matter, check it and press "Submit" again.',
  categoryNotForKind: '"{category}" does not take a {kind}: please choose another category.',
  filteredStale: 'The list of categories was filtered for "{kind}": press "Show all categories".',
  shownTitle: 'Your receipt has already been shown',
  shownBody: 'To protect you, the receipt is shown only once: reloading or reopening this page does not show it again, and files nothing again.',
  shownFollowup: 'Use the 16-digit receipt you noted to follow the case and add material.',
  shownLost: 'If you did not note it, the case cannot be followed online; if you left your contact details, the department will contact you. Please do not file it again.',
  followupLink: 'Follow a case with its receipt',
  homeLink: 'Back to the home page',
};

const texts: Record<Lang, FlowText> = { zh, 'zh-Hant': zhHant, en };

export const flowText = (lang: Lang): FlowText => texts[lang];
