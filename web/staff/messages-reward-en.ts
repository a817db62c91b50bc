/** Staff text about rewards in English: the reward queue, the reward panel on a case, the reward rules. */
import type { RewardMessages } from './messages-reward-zh.js';

const yuan = (s: string) => `CNY ${s}`;

export const rewardEn: RewardMessages = {
  nav: 'Reward queue',
  rulesNav: 'Reward rules',
  statuses: {
    requested: 'Requested', eligible: 'Eligible', ineligible: 'Ineligible', proposed: 'Proposed', rejected: 'Rejected',
    notified: 'Reporter notified', claimed: 'Claimed', paid: 'Paid', expired: 'Expired',
  },
  actions: { assess: 'Assess eligibility', propose: 'Propose an amount', approve: 'Approve', reject: 'Reject', record_payment: 'Record payment' },
  yuan,
  queue: {
    title: 'Reward queue', caption: 'Sorted by last change, oldest first', status: 'Status', all: 'All', apply: 'Filter',
    empty: 'No rewards match.', next: 'Next page', first: 'Back to the first page', pages: 'Pages', rules: 'See the reward rules',
    columns: { caseNumber: 'Case number', status: 'Status', level: 'Level', fine: 'Fines (CNY)', amount: 'Amount (CNY)', finance: 'Finance sign-off', updated: 'Updated' },
    yes: 'yes', no: 'no',
  },
  panel: {
    title: 'Reward', status: 'Reward status', level: 'Level', fine: 'Fines', amount: 'Amount', uplift: 'Insider uplift',
    finance: 'Finance sign-off', financeRequired: 'required', financeDone: 'signed off', claimBy: 'Claim by', reason: 'Reason', note: 'Note',
    assessedBy: 'Assessed by', proposedBy: 'Proposed by', approvedBy: 'Approved by', paymentRef: 'Payment reference', paidAt: 'Paid at',
    readOnly: 'Rewards are handled by the reward officers and approvers; shown here for reading.', noActions: 'You cannot act on this reward now.',
    ownProposal: 'You proposed this amount: another approver must decide.',
    waiting: 'Eligibility is assessed once the report has a penalty decided or was referred for prosecution.',
  },
  form: {
    eligible: 'Eligible for a reward?', yes: 'Eligible', no: 'Not eligible', reason: 'Why not eligible', level: 'Level', levelOption: (l: number) => `Level ${l}`,
    note: 'Grounds', uplift: 'Insider uplift (CNY, optional)', upliftHint: 'The reporter declared being an insider: an uplift may be added to the base amount, never over the cap.',
    preview: 'Compute the amount', confirm: 'Confirm the proposal', previewTitle: 'Check the amount, then confirm',
    previewLine: (base: string, uplift: string, total: string) => `Base ${yuan(base)}, uplift ${yuan(uplift)}, total ${yuan(total)}.`,
    previewPlain: (total: string) => `Total ${yuan(total)}.`,
    previewCapped: (asked: string, cap: string) => `The uplift asked for, ${yuan(asked)}, was reduced to keep the total within the cap of ${yuan(cap)}.`,
    previewFinance: 'This amount reaches the finance threshold: approving it needs finance sign-off.',
    financeSignOff: 'Finance has signed off', approveNote: 'Approval note (optional)', rejectReason: 'Why rejected', paymentRef: 'Payment reference',
    required: 'Fill this in', amount: 'Enter an amount in yuan with at most two decimals',
    financeSignOffLabel: 'Finance sign-off', financeMissing: 'This amount needs the finance department\'s sign-off: tick this once they have signed, then approve',
    excludedHint: (relation: string) => `The reporter declared: ${relation}. The reward rules exclude them.`,
    excludedReason: (relation: string) => `The reporter declared: ${relation}; the reward rules exclude them.`,
    endedHint: 'The report ended without a penalty decision or a referral for prosecution: it can only be assessed not eligible.',
    endedReason: 'No penalty was decided and the matter was not referred for prosecution; the reward rules give no reward.',
  },
  done: (action: string) => `Reward action done: ${action}.`,
  refused: {
    title: (action: string) => `Reward action not taken: ${action}`,
    validation_failed: 'Check the fields marked below.', conflict: 'The reward\'s current state does not allow this.', forbidden: 'You may not take this reward action.',
    detail: 'System detail: ',
  },
  payout: {
    title: 'Payee details',
    directIntro: 'The reporter gave their name. The payee details may be viewed at payout; each view is audited and shown to the reporter on the follow-up page.',
    custodianIntro: 'The reporter is anonymous and the payee details are sealed. Request to view them; once a custodian approves, you may view them once. The view is audited and shown to the reporter on the follow-up page.',
    reason: 'Reason for the request (shown to the custodian)', request: 'Request the payee details', view: 'View the payee details', viewOnce: 'View the payee details (once only)',
    requests: 'Your requests', requestedAt: 'Requested', state: 'State',
    states: { pending: 'Awaiting a custodian', approved: 'Approved', denied: 'Denied', viewed: 'Viewed' },
    shownTitle: 'Payee details (pay from these; do not copy them elsewhere)', name: 'Payee name', idNumber: 'ID number', bankAccount: 'Bank account', bankName: 'Bank',
    requested: 'Request filed: awaiting a custodian.',
    reasonShort: 'Give the reason, at least 5 characters',
    refusedTitle: 'The payee details were not opened',
    conflict: 'They cannot be viewed now: a request a custodian approved and not yet used is needed (each approval allows one view).',
    forbidden: 'Your role may not view payee details.',
  },
  rules: {
    title: 'Reward rules', intro: 'Amount = min(cap, max(the level\'s minimum, the level\'s rate × fines)), rounded down to the fen; an insider may get an uplift, never over the cap.',
    level: 'Level', rate: 'Rate', minimum: 'Minimum', cap: 'Cap', threshold: 'Finance sign-off threshold (needed at or above)',
    claimWindow: 'Claim window', workingDays: (n: number) => `${n} working days after the notice`, excluded: 'Reporters not rewarded', uplift: 'Reporters who may get an uplift',
    none: 'none',
    merged: 'Merged reports of the same facts', mergedRule: 'Only the earliest received is rewarded, whichever was merged into which.',
  },
};
