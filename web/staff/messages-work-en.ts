/** Staff text for finding and routing cases in English: queue search and order, dispatching a triage case, KPI totals. */
import type { WorkMessages } from './messages-work-zh.js';

export const workEn: WorkMessages = {
  search: {
    label: 'Find a case', hint: 'A whole case number or unified credit code, or the start of a business name.', submit: 'Find',
    clear: 'Clear search', showing: (q: string) => `Results for "${q}"`, tooLong: 'Search for at most 100 characters.',
  },
  order: 'Open cases come first by their next due date, then open cases with no running clock; closed and merged cases last.',
  dispatch: {
    jump: 'This case has no department yet: dispatch it',
    title: 'Dispatch', intro: 'This case has no department yet: dispatch it first. It can be urged once dispatched.',
    suggested: (name: string) => `The routing rules would send this case to ${name} (selected; you may choose another).`,
    noSuggestion: 'The routing rules found no department for this case: choose one by region and category.',
    suggestedReturned: (name: string) => `The routing rules point to ${name}, which returned this case: choose another department.`,
    suggestedGroup: 'Suggested by the routing rules', province: 'Provincial departments',
    filterLabel: 'Filter departments', filterHint: 'Part of a department name, city or code, e.g. "Tianhe".', filterSubmit: 'Filter',
    filterShowing: (q: string, n: number) => `Departments matching "${q}": ${n}.`, filterClear: 'Show all departments',
    noMatch: 'No department matches: try another word or show all departments.',
  },
  duplicates: {
    later: 'Received later: merge that case into this one, from its own page.',
  },
  overview: {
    total: 'Total',
    windows: 'The sign-for rate counts only dispatches whose sign-for window has ended, and the on-time rate only clocks past their due time: one still inside its window counts neither way.',
  },
};
