/** The answers' shapes, written from the public contract (the answers have no zod schema). */
import { arr, bool, described, int, list, nullable, obj, str, time, type JsonSchema } from './schema.js';

const named = obj({ zh: str('Simplified Chinese'), en: str('English') });
const department = obj({ code: str('<agency>-<region code>, e.g. samr-440106'), name: named });
const due = obj({ clock: str('e.g. accept_decision, open_decision'), dueAt: time(), provisional: bool() });
const caseNumber = str('e.g. GD2026112600042');
const fen = (description = 'money in fen (分)') => int(description);

export const categories = list(obj({ code: str('e.g. product.food'), domain: str(), name: named, kinds: arr(str()) }));
export const regions = list(obj({ code: str('GB/T 2260, 6 digits'), name: named, parent: nullable(str()) }));
export const departments = list(obj({ code: str(), name: named, agency: str(), region: str() }));

const attachment = obj({ id: str(), type: str('the type read from the bytes'), size: int('bytes'), metadataRemoved: bool() });

export const submitted = obj({
  caseNumber,
  receipt: str('16 digits in groups of four; returned once and never again'),
  kind: str('complaint | report | injury'),
  status: str('received'),
  department: nullable({ ...department, description: 'null: the intake centre triages it' }),
  'cohandlers?': arr(department),
  'urgent?': bool(),
  'creditCodeCheckFailed?': bool('the credit code\'s check character is wrong (accepted, flagged)'),
  'gtinCheckFailed?': bool('the product barcode\'s check digit is wrong (accepted, flagged)'),
  'severity?': nullable(str('an injury\'s severity as filed: minor | serious | fatal; its accident figures may raise it (null for other kinds)')),
  due: arr(due),
  'receivedAt?': time(),
  'attachments?': arr(attachment, 'the files stored; empty for JSON'),
});

export const followupToken = obj({ token: str('send as Authorization: Bearer <token>') });

export const followupView = obj({
  caseNumber, kind: str(), status: str(), publicStatus: str('the coarse status a reporter sees'),
  department: nullable(department),
  due: arr(due),
  timeline: arr(obj({ at: time(), event: str(), 'note?': str() })),
  messages: arr(obj({ id: str(), at: time(), from: str('reporter | department'), body: str() })),
  'reward?': obj({ status: str(), 'amountFen?': fen(), 'claimBy?': time() }),
  identityDisclosed: bool(),
});

export const message = obj({ id: str(), at: time(), from: str('reporter | department'), body: str() });
export const sent = obj({ id: str('the message'), at: time() });
export const evidence = obj({ attachments: arr(attachment) });
export const created = described('What was recorded.');

const user = obj({ username: str(), role: str(), department: nullable(str()), 'displayName?': nullable(str()) });
export const staffLogin = obj({ token: str('send as Authorization: Bearer <token>; a session cookie is set too'), expiresAt: time(), user });
export const staffMe = obj({ user, 'csrfToken?': str('with the session cookie: send it as x-csrf-token') });

export const queue = list(obj({
  caseNumber, kind: str(), category: str(), region: str(), status: str(), department: nullable(department),
  receivedAt: time(), due: arr(due), overdue: bool(), reporter: str('pseudonym, e.g. R-7K3F'),
}), true);

const reward = obj({
  status: str('requested | eligible | ineligible | proposed | rejected | notified | claimed | paid | expired'),
  'level?': int('1 | 2 | 3'), 'fineFen?': fen('the fine decided, in fen'), 'amountFen?': fen('the reward, in fen'),
  'financeSignOffRequired?': bool(), 'claimBy?': time(), 'reason?': str(), 'proposedBy?': str(), 'approvedBy?': str(),
  'payout?': obj({
    route: str('direct (named reporter) | custodian (anonymous: a payee request a custodian approves)'),
    requests: arr(described('the officer\'s own payee requests (disclosure requests with subject payee)')),
  }, 'for the reward officer while the reward is claimed'),
});

const product = obj({
  'name?': nullable(str()), 'brand?': nullable(str()), 'model?': nullable(str()), 'batch?': nullable(str()), 'gtin?': nullable(str('GTIN-8/12/13/14')),
}, 'the product named by the reporter (redacted; the GTIN as digits)');

export const caseView = obj({
  caseNumber, kind: str(), category: str(), region: str(), status: str(), department: nullable(department),
  description: str('redacted'),
  subject: obj({
    name: nullable(str('redacted')), creditCode: nullable(str()), address: nullable(str('redacted')), 'product?': nullable(product),
  }, 'the business (redacted)'),
  'severity?': nullable(str('minor | serious | fatal (injury only)')),
  'accident?': nullable(obj({
    deaths: int(), seriouslyInjured: int(), injured: int('other injured, not counting the seriously injured'),
    directLossFen: nullable(fen('the direct economic loss in fen; null: not yet assessed')),
  }, 'an injury\'s accident figures (they set its severity on filing); null when none were given')),
  'filedBy?': str('citizen | enterprise (the responsible enterprise filed it; its contact person is the sealed reporter)'),
  due: arr(due), timeline: arr(obj({ at: time(), event: str(), 'note?': nullable(str()) })),
  messages: arr(message),
  attachments: arr(obj({ id: str(), type: str(), size: int(), url: str('downloads it for an authorised user') })),
  reward: nullable(reward),
  allowedActions: arr(str(), 'the actions this user may take now'),
}, 'The case as the caller may see it (more fields may be present).');

export const rewardState = reward;
export const rewardQueue = list(obj({
  caseNumber, status: str(), 'level?': int(), 'fineFen?': fen(), 'amountFen?': fen(),
  financeSignOffRequired: bool(), updatedAt: time(),
}), true);

export const download: JsonSchema = { type: 'string', contentMediaType: 'application/octet-stream', description: 'the file\'s bytes' };
export const health = obj({ ok: bool() });
export const openapi = described('This OpenAPI 3.1 document.');
