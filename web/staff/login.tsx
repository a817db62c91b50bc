/**
 * The staff login form (zh-CN default, English with ?lang=en or the language cookie), in the staff
 * frame with the site's name and style. No inline script or style: the CSP forbids them.
 */
import type { LoginFailure } from '../../server/staff/auth.service.js';
import type { TotpEnrolment } from '../../server/staff/enrolment.service.js';
import { messages } from '../i18n.js';
import { StaffDocument } from './document.js';

export type LoginLang = 'zh' | 'en';
export type LoginNotice = LoginFailure | 'missing' | 'throttled';

const text = {
  zh: {
    title: '工作人员登录',
    intro: '本页面供各级受理、承办、奖励、审计和管理人员使用。', public: '群众投诉、举报请到', home: '平台首页',
    username: '用户名', password: '密码', totp: '一次性验证码（如需要）',
    totpHint: '管理员、身份信息保管人、奖励审批人账号需输入身份验证器应用中的 6 位验证码；首次登录时将为您设置。',
    submit: '登录', switchHref: '/staff/login?lang=en',
    enrol: { heading: '您的一次性验证码密钥', uri: '或导入此链接（otpauth://）', warning: '密钥只显示这一次，仅显示给您本人；请勿转交他人。', until: '请在此时间前完成设置：' },
    notices: {
      invalid: '用户名或密码错误。',
      missing: '请输入用户名和密码。',
      totp_required: '此账号需要一次性验证码：请输入身份验证器应用中的 6 位验证码。',
      totp_invalid: '一次性验证码错误或已使用，请等待下一个验证码后重试。',
      totp_not_set_up: '此账号需要一次性验证码，但尚未设置，请联系管理员。',
      totp_enrolment: '首次登录需设置一次性验证码：将下方密钥添加到身份验证器应用，然后再次输入密码和应用显示的 6 位验证码。',
      throttled: (s: number) => s < 60 ? `登录失败次数过多，请 ${s} 秒后再试。` : `登录失败次数过多，请 ${Math.ceil(s / 60)} 分钟后再试。`,
    },
  },
  en: {
    title: 'Staff sign-in',
    intro: 'For intake, handling, reward, audit and administration staff.', public: 'To file a complaint or report, go to', home: 'the home page',
    username: 'Username', password: 'Password', totp: 'One-time code (if required)',
    totpHint: 'Admin, custodian and reward approver accounts also need the 6-digit code from an authenticator app; it is set up at your first sign-in.',
    submit: 'Sign in', switchHref: '/staff/login?lang=zh',
    enrol: { heading: 'Your one-time code secret', uri: 'or import this link (otpauth://)', warning: 'The secret is shown this once, to you alone; do not pass it on.', until: 'Finish before' },
    notices: {
      invalid: 'Wrong username or password.',
      missing: 'Enter your username and password.',
      totp_required: 'This account needs a one-time code: enter the 6-digit code from your authenticator app.',
      totp_invalid: 'The one-time code is wrong or was already used; wait for the next code and try again.',
      totp_not_set_up: 'This account needs a one-time code but has none set up; ask an administrator.',
      totp_enrolment: 'First sign-in: set up your one-time code. Add the secret below to an authenticator app, then enter your password again with the 6-digit code it shows.',
      throttled: (s: number) => s < 60 ? `Too many sign-in attempts; try again in ${s} second${s === 1 ? '' : 's'}.` : `Too many failed sign-ins; try again in ${Math.ceil(s / 60)} minutes.`,
    },
  },
} as const;

export interface LoginPageProps {
  lang: LoginLang;
  username?: string;
  notice?: LoginNotice | undefined;
  retryAfter?: number | undefined;
  /** A secret offered at this sign-in: shown on this response only. */
  enrolment?: TotpEnrolment | undefined;
}

function noticeText(lang: LoginLang, notice: LoginNotice, retryAfter = 60): string {
  const n = text[lang].notices;
  return notice === 'throttled' ? n.throttled(retryAfter) : n[notice];
}

function Enrolment({ lang, enrolment }: { lang: LoginLang; enrolment: TotpEnrolment }) {
  const e = text[lang].enrol;
  return (
    <section class="receipt" aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">{e.heading}</h2>
      <p class="receipt-code mono">{enrolment.secret}</p>
      <p>{e.uri}: <span class="mono">{enrolment.otpauthUri}</span></p>
      <p class="receipt-warning">{e.warning} {e.until} {enrolment.expiresAt.slice(0, 16).replace('T', ' ')}</p>
    </section>
  );
}

export function LoginPage({ lang, username = '', notice, retryAfter, enrolment }: LoginPageProps) {
  const l = text[lang];
  const t = messages[lang];
  const action = lang === 'en' ? '/staff/login?lang=en' : '/staff/login';
  return (
    <StaffDocument t={t} title={l.title} homeHref="/" workspace={t.staff.workspace} switchHref={l.switchHref}>
      <h1>{l.title}</h1>
      <p>{l.intro} {l.public} <a href={lang === 'en' ? '/?lang=en' : '/?lang=zh'}>{l.home}</a>{lang === 'en' ? '.' : '。'}</p>
      {notice && <div class="error-summary" role="alert"><p>{noticeText(lang, notice, retryAfter)}</p></div>}
      {enrolment && <Enrolment lang={lang} enrolment={enrolment} />}
      <form method="post" action={action} class="staff-login">
        <div class="field">
          <label class="label" for="username">{l.username}</label>
          <input class="input input-narrow" id="username" name="username" autocomplete="username" required value={username} autofocus={!username} />
        </div>
        <div class="field">
          <label class="label" for="password">{l.password}</label>
          <input class="input input-narrow" id="password" name="password" type="password" autocomplete="current-password" required autofocus={Boolean(username)} />
        </div>
        <div class="field">
          <label class="label" for="totp">{l.totp}</label>
          <p class="hint" id="totp-hint">{l.totpHint}</p>
          <input class="input input-narrow" id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]*" maxlength={8} aria-describedby="totp-hint" />
        </div>
        <button type="submit" class="button">{l.submit}</button>
      </form>
    </StaffDocument>
  );
}
