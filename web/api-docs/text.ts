/** The reference page's own words in each page language; the operations themselves are described in English. */
import type { Lang } from '../i18n.js';

const en = {
  title: 'API reference',
  intro: 'The JSON API under /api/v1, for mobile apps, hotline systems and other agencies\' tools. '
    + 'Operation texts are in English, like the API\'s field names and error messages.',
  document: 'The same description as OpenAPI 3.1:',
  conventions: 'JSON is UTF-8; times are ISO 8601 with offset (+08:00); money is an integer number of fen (分) in fields ending Fen. '
    + 'Every refusal or fault answers the error shape below with its status.',
  contents: 'Operations',
  auth: 'Authentication: ',
  authNone: 'none (public)',
  authStaff: 'staff: Authorization: Bearer <token from POST /api/v1/staff/login>, or the session cookie with x-csrf-token on a change',
  authFollowup: 'reporter: Authorization: Bearer <token from POST /api/v1/followup/login>',
  parameters: 'Parameters',
  requestBody: 'Request body',
  responses: 'Responses',
  where: 'in', required: 'required', optional: 'optional',
  oneOf: 'One of:',
  arrayOf: 'each item:',
  errorShape: 'The error shape',
  schemes: 'Ways to sign in',
  backToTop: 'Back to the list',
};

type DocsText = typeof en;

const zh: DocsText = {
  title: '接口说明',
  intro: '/api/v1 下的 JSON 接口，供移动应用、12345 热线系统和其他部门的系统调用。各接口的说明使用英文，与字段名和错误信息一致。',
  document: '同一份说明的 OpenAPI 3.1 文档：',
  conventions: 'JSON 使用 UTF-8；时间为带时区的 ISO 8601（+08:00）；金额为整数，单位为分，字段名以 Fen 结尾。每个拒绝或故障都以下面的错误格式和相应状态码答复。',
  contents: '接口列表',
  auth: '身份验证：',
  authNone: '无（公开）',
  authStaff: '工作人员：Authorization: Bearer <POST /api/v1/staff/login 返回的令牌>，或会话 Cookie（修改操作另加 x-csrf-token）',
  authFollowup: '举报人、投诉人：Authorization: Bearer <POST /api/v1/followup/login 返回的令牌>',
  parameters: '参数',
  requestBody: '请求内容',
  responses: '答复',
  where: '位置', required: '必填', optional: '选填',
  oneOf: '以下之一：',
  arrayOf: '每一项：',
  errorShape: '错误格式',
  schemes: '登录方式',
  backToTop: '返回接口列表',
};

const zhHant: DocsText = {
  title: '介面說明',
  intro: '/api/v1 下的 JSON 介面，供流動應用程式、12345 熱線系統和其他部門的系統呼叫。各介面的說明使用英文，與欄位名稱和錯誤訊息一致。',
  document: '同一份說明的 OpenAPI 3.1 文件：',
  conventions: 'JSON 使用 UTF-8；時間為帶時區的 ISO 8601（+08:00）；金額為整數，單位為分，欄位名稱以 Fen 結尾。每個拒絕或故障都以下面的錯誤格式和相應狀態碼答覆。',
  contents: '介面列表',
  auth: '身分驗證：',
  authNone: '無（公開）',
  authStaff: '工作人員：Authorization: Bearer <POST /api/v1/staff/login 傳回的權杖>，或工作階段 Cookie（修改操作另加 x-csrf-token）',
  authFollowup: '舉報人、投訴人：Authorization: Bearer <POST /api/v1/followup/login 傳回的權杖>',
  parameters: '參數',
  requestBody: '請求內容',
  responses: '答覆',
  where: '位置', required: '必填', optional: '選填',
  oneOf: '以下之一：',
  arrayOf: '每一項：',
  errorShape: '錯誤格式',
  schemes: '登入方式',
  backToTop: '返回介面列表',
};

export type { DocsText };
export const docsText: Record<Lang, DocsText> = { en, zh, 'zh-Hant': zhHant };
