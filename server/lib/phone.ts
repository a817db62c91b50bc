/**
 * A reporter's telephone number, as typed on the form or sent to the API, normalised to E.164
 * (pure). Accepted, as the intake rules list them: mainland mobiles (11 digits from 1[3-9], with
 * or without +86 / 86 / 0086), mainland landlines with their area code (010 and 02x take 8 digits,
 * 0[3-9]xx take 7 or 8; with +86 the leading 0 goes), and with their country code Hong Kong
 * (+852, 8 digits from 2 3 5 6 7 9), Macao (+853, 8 digits from 2 or 6) and Taiwan mobiles
 * (+886 9 and 8 digits). A bare 8-digit number could be Hong Kong or Macao, so it is refused.
 * Check values in tests/unit/phone-numbers.test.ts.
 */

export type PhoneRegion = 'mainlandMobile' | 'mainlandLandline' | 'hongKong' | 'macao' | 'taiwan';

export interface Phone {
  /** E.164: "+8613812345678", "+862012345678", "+85291234567". */
  e164: string;
  region: PhoneRegion;
}

// What people type between digit groups: spaces, dashes, dots, slashes, brackets (after NFKC,
// so full-width forms and digits are covered too).
const SEPARATORS = /[\s\u00a0\u3000\-‐‑‒–—−.·/()（）[\]]/g;

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
// National significant number of a landline: area code without its 0, then the local number.
const MAINLAND_LANDLINE = /^(?:(?:10|2\d)\d{8}|[3-9]\d{2}\d{7,8})$/;
const HONG_KONG = /^[235679]\d{7}$/;
const MACAO = /^[26]\d{7}$/;
const TAIWAN_MOBILE = /^9\d{8}$/;

/** What the number is after its country code (or with none): mainland only. */
function mainland(national: string): Phone | null {
  if (MAINLAND_MOBILE.test(national)) return { e164: `+86${national}`, region: 'mainlandMobile' };
  if (MAINLAND_LANDLINE.test(national)) return { e164: `+86${national}`, region: 'mainlandLandline' };
  return null;
}

function international(country: string, rest: string): Phone | null {
  // "+86 (0)20 …", "+886 (0)912 …": the trunk 0 some people keep after the country code.
  const national = rest.startsWith('0') ? rest.slice(1) : rest;
  switch (country) {
    case '86': return mainland(national);
    case '852': return HONG_KONG.test(rest) ? { e164: `+852${rest}`, region: 'hongKong' } : null;
    case '853': return MACAO.test(rest) ? { e164: `+853${rest}`, region: 'macao' } : null;
    case '886': return TAIWAN_MOBILE.test(national) ? { e164: `+886${national}`, region: 'taiwan' } : null;
    default: return null;
  }
}

/** The number in E.164 with its region, or null when it is none of the accepted kinds. */
export function parsePhone(input: string): Phone | null {
  const compact = input.normalize('NFKC').trim().replace(SEPARATORS, '');
  if (!/^(?:\+|00)?\d{7,16}$/.test(compact)) return null;
  const prefixed = /^(?:\+|00)(\d+)$/.exec(compact);
  const digits = prefixed ? prefixed[1]! : compact;
  const country = /^(?:86|852|853|886)/.exec(digits)?.[0];
  if (prefixed) return country ? international(country, digits.slice(country.length)) : null;
  // Without "+" or "00": a mainland number as dialled at home ("13812345678", "020-12345678"),
  // or one led by its country code ("8613812345678", "852 9123 4567").
  if (digits.startsWith('0')) return MAINLAND_LANDLINE.test(digits.slice(1)) ? mainland(digits.slice(1)) : null;
  if (MAINLAND_MOBILE.test(digits)) return mainland(digits);
  return country ? international(country, digits.slice(country.length)) : null;
}

/** E.164, or null: what the intake stores for a reporter's phone. */
export function normalisePhone(input: string): string | null {
  return parsePhone(input)?.e164 ?? null;
}

/**
 * A stored number as staff dial it: mainland numbers in the national form ("13812345678",
 * "020-12345678"), others with their country code ("+852 9123 4567", "+886 912 345 678").
 * A number stored before E.164 (a bare mainland mobile) comes back as it is.
 */
export function displayPhone(stored: string): string {
  const mainland = /^\+86(\d+)$/.exec(stored)?.[1];
  if (mainland !== undefined) {
    if (MAINLAND_MOBILE.test(mainland)) return mainland;
    const area = /^(?:10|2\d)/.test(mainland) ? 2 : 3;
    return `0${mainland.slice(0, area)}-${mainland.slice(area)}`;
  }
  const hkMo = /^\+(852|853)(\d{4})(\d{4})$/.exec(stored);
  if (hkMo) return `+${hkMo[1]} ${hkMo[2]} ${hkMo[3]}`;
  const tw = /^\+886(\d{3})(\d{3})(\d{3})$/.exec(stored);
  return tw ? `+886 ${tw[1]} ${tw[2]} ${tw[3]}` : stored;
}
