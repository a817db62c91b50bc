/** Staff workspace text in English; names follow docs/lifecycle.md. */
import type { CaseStatus } from '../../domain/vocabulary.js';
import type { ActionName } from '../../server/cases/lifecycle.js';
import { reporterEn } from './messages-reporter-en.js';
import { rewardEn } from './messages-reward-en.js';
import { workEn } from './messages-work-en.js';
import type { StaffMessages } from './messages-zh.js';

const dhm = (d: number, h: number, m: number) => (d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min`);

export const staffEn: StaffMessages = {
  workspace: 'Workspace',
  nav: { label: 'Workspace navigation', queue: 'Case queue', overview: 'Department overview', disclosures: 'Disclosure requests' },
  header: { user: 'Signed in as', department: 'Department', noDepartment: 'no department', signOut: 'Sign out' },
  roles: {
    intake: 'Intake centre dispatcher', handler: 'Handler', supervisor: 'Supervisor', reward_officer: 'Reward officer',
    reward_approver: 'Reward approver', custodian: 'Identity custodian', auditor: 'Auditor', admin: 'Administrator',
  },
  kinds: { complaint: 'Complaint', report: 'Report', injury: 'Injury' },
  statuses: {
    received: 'Received', accepted: 'Accepted', not_accepted: 'Not accepted', mediating: 'In mediation', mediated: 'Mediated',
    mediation_failed: 'Mediation failed', verifying: 'Verifying', case_opened: 'Case opened', not_opened: 'Not opened',
    penalty_decided: 'Penalty decided', referred: 'Referred for prosecution', triaged: 'Triaged', investigating: 'Investigating', closed: 'Closed',
    transfer_requested: 'Returned to intake centre', merged: 'Merged',
  } satisfies Record<CaseStatus, string>,
  actions: {
    sign: 'Sign for', accept: 'Accept', not_accept: 'Not accept', start_mediation: 'Start mediation', mediated: 'Mediated',
    mediation_failed: 'Mediation failed', start_verification: 'Start verification', open_case: 'Open a case',
    not_open: 'Not open', extend: 'Extend', decide_penalty: 'Decide penalty',
    refer_prosecution: 'Refer for prosecution', triage: 'Triage',
    start_investigation: 'Start investigation', close: 'Close', pause: 'Pause', resume: 'Resume',
    request_transfer: 'Return to intake centre', assign: 'Assign', add_cohandler: 'Add co-handler', urge: 'Urge',
    merge: 'Merge', rehandle: 'Re-handle', note: 'Add note',
  } satisfies Record<ActionName, string>,
  events: {
    received: 'Received', routed: 'Routed', queued_for_triage: 'Sent to intake centre triage', cohandler_added: 'Co-handler added',
    escalated: 'Escalated', merged_from: 'Duplicate merged in',
    reward_eligible: 'Reward assessed: eligible', reward_ineligible: 'Reward assessed: not eligible', reward_proposed: 'Reward amount proposed',
    reward_notified: 'Reward approved, reporter notified', reward_rejected: 'Reward rejected', reward_claimed: 'Reward claimed by the reporter',
    reward_paid: 'Reward paid', reward_expired: 'Reward claim expired', reward_payee_viewed: 'Payee details viewed (audited)',
    evidence_added: 'Evidence added by the reporter',
  },
  grounds: {
    not_competent: 'Not within our competence', handled_elsewhere: 'Accepted or handled by another authority',
    not_consumption: 'Not for consumption needs', over_three_years: 'More than three years ago',
    material_missing: 'Necessary material missing', false_material: 'Material is false', other_legal_ground: 'Other legal ground',
  },
  clocks: {
    accept_decision: 'Decision on acceptance', mediation: 'End of mediation', open_decision: 'Decision on opening a case',
    reporter_notice: 'Notice to the reporter', triage: 'Triage', claim_window: 'Reward claim',
  },
  clockStatus: { running: 'Running', paused: 'Paused', stopped: 'Stopped' },
  due: {
    overdue: 'Overdue', soon: 'Due soon', ok: 'On time', none: 'No running clock', late: 'Finished late', onTime: 'Finished on time',
    left: (d: number, h: number, m: number) => `${dhm(d, h, m)} left`,
    over: (d: number, h: number, m: number) => `${dhm(d, h, m)} over`,
    provisional: 'provisional', extended: 'extended',
  },
  flags: {
    label: 'Flags', urgent: 'Urgent', urged: 'Urged', escalated: 'Escalated', creditCode: 'Credit code check failed', gtin: 'GTIN check digit failed', legalHold: 'Legal hold',
  },
  queue: {
    title: 'Case queue', views: 'Views', byStatus: 'By status', all: 'All', overdue: 'Overdue', dueSoon: 'Due within 2 working days',
    triage: 'Triage', filters: 'Filters', status: 'Status', kind: 'Kind', category: 'Category', any: 'Any', apply: 'Filter',
    reset: 'Clear filters', empty: 'No cases match.', next: 'Next page', pages: 'Pages', first: 'Back to the first page', caption: 'Sorted by the next due date',
    noQueue: 'Your role has no case queue.', noQueueHint: 'The case queue is for the intake centre, handlers and supervisors.',
    columns: {
      caseNumber: 'Case number', kind: 'Kind', category: 'Category', region: 'Region', status: 'Status', department: 'Department',
      received: 'Received', due: 'Next due', flags: 'Flags', reporter: 'Reporter',
    },
  },
  case: {
    details: 'Case details', subject: 'The business', name: 'Name', creditCode: 'Unified social credit code', address: 'Address',
    product: 'Product', productName: 'Product name', brand: 'Brand', model: 'Model', batch: 'Batch', gtin: 'Barcode (GTIN)',
    category: 'Category', region: 'Region', kind: 'Kind', status: 'Status', department: 'Department', triage: 'Awaiting intake centre triage',
    cohandlers: 'Co-handlers', received: 'Received', occurredOn: 'Occurred on', severity: 'Severity', reporter: 'Reporter',
    anonymous: 'anonymous', realName: 'real name', contact: 'Contact (masked)', description: 'Description (redacted)', claim: 'Claim (redacted)', fine: 'Fines and confiscations',
    reward: 'Reward requested', yes: 'yes', no: 'no', mergedInto: 'Merged into',
    severities: { minor: 'Minor', serious: 'Serious', fatal: 'Fatal' },
    relation: 'Reporter’s relation to the matter',
    relations: { none: 'None', insider: 'Insider', infringed_party: 'Infringed party', agency_staff: 'Agency staff' },
    clocks: 'Clocks', clock: 'Clock', dueAt: 'Due', clockStatus: 'Status', timeLeft: 'Time left',
    timeline: 'Timeline', at: 'Time', event: 'Event', actor: 'By', note: 'Note', system: 'system',
    messages: 'Messages with the reporter', noMessages: 'No messages yet.', from: { reporter: 'Reporter', department: 'Department' },
    assignments: 'Dispatches', noAssignments: 'No dispatches yet.', dispatched: 'Dispatched', signDue: 'Sign for by', signed: 'Signed',
    returned: 'Returned', returnReason: 'Return reason',
    duplicates: 'Likely duplicates', mergeHint: 'Merge this case into the earlier one about the same facts, which carries on.',
    mergeInto: (n: string) => `Merge into ${n}`,
    actions: 'Actions', noActions: 'You cannot take any action on this case now.',
  },
  fields: {
    reason: 'Reason', reply: 'Result reply to the reporter', note: 'Note', ground: 'Statutory ground for not accepting',
    fineFen: 'Fines and confiscations (yuan)', department: 'Department', into: 'Merge into case number', choose: 'Choose…',
    nearDepartments: 'Departments covering this region', otherDepartments: 'Other departments',
  },
  done: (action: string) => `Done: ${action}.`,
  doneAway: (action: string, n: string) => `Done: ${action}. Case ${n} is no longer in your queue.`,
  failure: {
    title: (action: string) => `Not done: ${action}`,
    validation_failed: 'Check the fields marked below.',
    conflict: 'The case\'s current state does not allow this action.',
    forbidden: 'Your role may not take this action.',
    required: 'Fill this in',
    fine: 'Enter an amount in yuan with at most two decimals',
    detail: 'Details: ',
    typed: 'What you typed (this action is not available now; copy it if you need it):',
  },
  errorPages: {
    pageNotFoundTitle: 'Page not found', pageNotFound: 'The workspace has no page at this address. It may be mistyped, or the page has moved.',
    notFoundTitle: 'Case not found', notFound: 'There is no such case, or your department does not handle it.',
    forbiddenTitle: 'Not allowed', forbidden: 'Your role cannot use this page.',
    csrf: 'The form is out of date or did not come from this site; reload the page and try again.',
    invalidTitle: 'Bad request', invalid: 'The request parameters are not valid.',
    conflictTitle: 'Not possible now', conflict: 'The current state does not allow this.',
    genericTitle: 'Something went wrong', generic: 'The service had a problem; please try again later.',
    back: 'Back to your start page',
  },
  overview: {
    title: 'Department overview', from: 'From', to: 'To', apply: 'Show', period: (from: string, to: string) => `Period: ${from} to ${to}`,
    department: 'Department', dispatched: 'Dispatched', signRate: 'Timely sign-for rate', returnRate: 'Return rate',
    onTimeRate: 'On-time completion rate', rehandleRate: 'Re-handling rate', overdue: 'Overdue now', dueSoon: 'Due within 2 working days',
    empty: 'No data for this period.', invalid: 'Enter real dates (year-month-day); the end cannot be before the start.',
    note: 'Each rate is followed by part/whole; "—" means no data.',
  },
  reporter: reporterEn,
  reward: rewardEn,
  work: workEn,
};
