/** The masked contact a complaint's handlers see before they open the details (pure). */
import { maskPhone } from './redact.js';

/** What a reporter gave at intake, as sealed by server/intake/intake.service.ts. */
export interface ReporterIdentity {
  name: string;
  phone: string;
  idNumber?: string;
  email?: string;
  address?: string;
}

export interface MaskedContact {
  name: string;
  phone: string;
}

/** "张三" → "张*", "欧阳娜娜" → "欧***": only the first character (the surname, usually) stays. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskContact(identity: Pick<ReporterIdentity, 'name' | 'phone'>): MaskedContact {
  return { name: maskName(identity.name), phone: maskPhone(identity.phone) };
}
