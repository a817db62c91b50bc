/** Staff text about the reporter (English): messages, attachments, the complainant's contact, disclosure. */
import type { ReporterMessages } from './messages-reporter-zh.js';

export const reporterEn: ReporterMessages = {
  handover: 'Print the hand-over form',
  handoverHint: 'The hand-over form names the reporter by pseudonym only, without any contact.',
  documents: 'Documents',
  attachments: {
    title: 'Attachments', none: 'No attachments.', name: 'File', type: 'Type', size: 'Size', metadata: 'Metadata',
    removed: 'metadata removed', kept: 'metadata kept (it could not be removed safely from this file)', download: (name: string) => `Download ${name}`,
    hint: 'Every download is recorded in the audit log.',
    unnamed: (n: number) => `Attachment ${n}`,
    afterFiling: 'added after filing', sent: 'Received',
  },
  write: {
    title: 'Write to the reporter', label: 'Message',
    hint: 'The reporter reads it on the follow-up page with the receipt, as a message from "the department", without your name; a named reporter also gets an e-mail.',
    send: 'Send the message', empty: 'Write the message', tooLong: (n: number) => `A message may have at most 5000 characters; this one has ${n}`,
    sent: 'Message sent; the reporter reads it with the receipt.',
  },
  refused: {
    title: 'Not done', conflict: 'The case\'s current state does not allow this.', forbidden: 'Your role may not do this.', detail: 'Details: ',
  },
  contact: {
    title: 'Complainant\'s contact', masked: 'masked', reason: 'Reason for opening',
    reasonHint: 'Only to contact the complainant for mediation. Every opening is recorded in the audit log (who, when, why).',
    open: 'Open the full contact', reasonMissing: 'Give the reason (5 to 2000 characters)',
    pageTitle: 'Complainant\'s full contact', logged: 'This opening was recorded in the audit log (who, when and why).',
    once: 'The full contact is shown on this page this once and not stored; to see it again, open it again (logged again). Do not copy it into hand-over forms, mail or exports.',
    back: 'Back to the case',
  },
  identity: { name: 'Name', phone: 'Mobile phone', address: 'Address', email: 'E-mail', idNumber: 'Resident ID number' },
  disclosure: {
    title: 'Disclosure of the reporter\'s identity',
    intro: 'The reporter\'s identity is sealed by law. When the law requires it, file a request with the legal ground; an identity custodian decides. Once approved, only you may view it, once, and the reporter sees on the follow-up page that it was disclosed.',
    legalReason: 'Legal ground and reason', request: 'File the disclosure request', reasonMissing: 'Give the legal ground and reason (5 to 2000 characters)',
    requested: 'Disclosure request filed; it waits for an identity custodian.',
    mine: 'My disclosure requests', none: 'You have not filed a disclosure request on this case.',
    open: 'You can file another request once your open one is decided or viewed.',
    requestedAt: 'Requested', status: 'Status', decidedAt: 'Decided', note: 'Custodian\'s note',
    statuses: { pending: 'Pending', approved: 'Approved, not yet viewed', denied: 'Denied', viewed: 'Viewed' },
    view: 'View the identity (once)', viewHint: 'It can be viewed only once; the view is recorded in the audit log.',
    pageTitle: 'Reporter\'s identity',
    warning: 'This identity is shown this once and will not be shown again, nor stored in the browser. Use it only for the legal purpose of the request.',
    logged: 'This view was recorded in the audit log; the reporter sees on the follow-up page that the identity was disclosed.',
  },
  custodian: {
    title: 'Disclosure requests', intro: 'Decide on handlers\' requests to view a sealed reporter identity, and reward officers\' requests to view an anonymous reporter\'s payee details. You see the requests, never the identity or the details.',
    pending: 'Pending requests', nonePending: 'No pending requests.', decided: 'Recently decided', noneDecided: 'No recent decisions.',
    subject: 'Asks to view', subjects: { identity: 'Reporter identity', payee: 'Reward payee details (payout)' },
    caseNumber: 'Case number', kind: 'Kind', department: 'Department', requester: 'Requested by', legalReason: 'Legal ground and reason',
    requestedAt: 'Requested', decision: 'Decision', decidedAt: 'Decided', note: 'Note', viewedAt: 'Viewed',
    approveNote: 'Note (optional)', denyNote: 'Reason for denying (required)', approve: 'Approve', deny: 'Deny',
    noteMissing: 'Give the reason for denying (5 to 2000 characters)', noteTooLong: 'A note may have at most 2000 characters',
    decisions: { approved: 'approved', denied: 'denied' },
    done: (decision: string, n: string) => `Disclosure request on case ${n}: ${decision}.`,
  },
};
