/**
 * Choosing a department to dispatch to (派单) or add as co-handler: the options grouped by city, the
 * case's own city first, the routing rules' suggestion on top; and a filter that works without
 * JavaScript (a GET form that narrows the list on the server).
 */
import type { RouteSuggestion } from '../../server/cases/route-suggestion.service.js';
import { nameOf, type StaffView } from './context.js';

/** What the case page knows for the department lists: the rules' suggestion and the typed filter. */
export interface DepartmentChoices {
  suggestion: RouteSuggestion | null;
  /** The filter text and the action whose list it narrows. */
  filter: { text: string; action: string } | null;
}

type Department = StaffView['lookups']['departments'][number];

/** GB/T 2260: a city's code is its districts' first four digits and 00; a province's ends in 0000. */
const cityOf = (region: string) => (region.endsWith('0000') ? region : `${region.slice(0, 4)}00`);

function groupLabel(v: StaffView, city: string): string {
  return city.endsWith('0000') ? `${v.t.staff.work.dispatch.province} · ${nameOf(v.lookups.regions, city, v.lang)}` : nameOf(v.lookups.regions, city, v.lang);
}

/** Whether a department matches the filter: its name in either language, its code, or its city's name. */
function matches(v: StaffView, d: Department, text: string): boolean {
  const needle = text.toLowerCase();
  const city = nameOf(v.lookups.regions, cityOf(d.region), v.lang);
  return [d.name.zh, d.name.en, d.code, city].some((s) => s.toLowerCase().includes(needle));
}

/** The departments a list offers: every active one, or those matching the filter. */
export function offeredDepartments(v: StaffView, action: string, choices: DepartmentChoices | undefined): Department[] {
  const filter = choices?.filter;
  if (!filter || filter.action !== action || filter.text === '') return v.lookups.departments;
  return v.lookups.departments.filter((d) => matches(v, d, filter.text));
}

interface OptionsProps { v: StaffView; action: string; region: string; value: string; choices: DepartmentChoices | undefined }

export function DepartmentOptions({ v, action, region, value, choices }: OptionsProps) {
  const suggested = action === 'assign' && choices?.suggestion && !choices.suggestion.returnedIt ? choices.suggestion.department : null;
  const option = (d: Department) => <option value={d.code} selected={value === d.code}>{`${d.name[v.lang]} (${d.code})`}</option>;
  const all = v.lookups.departments;
  const offered = offeredDepartments(v, action, choices).filter((d) => d.code !== suggested);
  const groups = new Map<string, Department[]>();
  for (const d of offered) groups.set(cityOf(d.region), [...(groups.get(cityOf(d.region)) ?? []), d]);
  const own = cityOf(region);
  const cities = [...groups.keys()].sort((a, b) => Number(b === own) - Number(a === own) || a.localeCompare(b));
  const top = suggested ? all.find((d) => d.code === suggested) : undefined;
  return (
    <>
      {top && <optgroup label={v.t.staff.work.dispatch.suggestedGroup}>{option(top)}</optgroup>}
      {cities.map((city) => <optgroup label={groupLabel(v, city)}>{(groups.get(city) ?? []).map(option)}</optgroup>)}
    </>
  );
}

/** The filter for one action's department list: a GET form back to the case page, apart from the action's POST form. */
export function DepartmentFilter({ v, caseNumber, action, choices }: { v: StaffView; caseNumber: string; action: string; choices: DepartmentChoices | undefined }) {
  const w = v.t.staff.work.dispatch;
  const id = `dept-filter-${action}`;
  const filter = choices?.filter?.action === action ? choices.filter.text : '';
  const count = filter ? offeredDepartments(v, action, choices).length : null;
  return (
    <form method="get" action={`/staff/cases/${caseNumber}#${id}`} class="department-filter" role="search">
      <input type="hidden" name="for" value={action} />
      <div>
        <label class="label" for={id}>{w.filterLabel}</label>
        <p class="hint" id={`${id}-hint`}>{w.filterHint}</p>
        <input class="input" type="search" id={id} name="dept" value={filter} maxlength={40} autocomplete="off" aria-describedby={`${id}-hint`} />
      </div>
      <button type="submit" class="button button-secondary">{w.filterSubmit}</button>
      {count !== null && (
        <p class="hint" role="status">
          {count === 0 ? w.noMatch : w.filterShowing(filter, count)} <a href={`/staff/cases/${caseNumber}#${id}`}>{w.filterClear}</a>
        </p>
      )}
    </form>
  );
}
