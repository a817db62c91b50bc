/**
 * The enterprise quality-credit summary: counts of complaints and reports that name a unified social
 * credit code, by year, read from counters (never from the cases: no text, nothing of a reporter).
 */
import { commitWithAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { checkCreditCode } from '../lib/identifiers.js';
import {
  counterTotals, findEnterpriseName, listEnterpriseCounts, listEnterpriseProducts, recountEnterpriseQueries,
  searchEnterprisesByCode, searchEnterprisesByName,
} from './enterprises.repository.js';
import { codePrefixOf, enterpriseTotals, enterpriseYears, foldName, productView, type EnterpriseSummary } from './summary.js';

/** At most this many products on a summary, most cases first. */
export const PRODUCTS_SHOWN = 20;
/** At most this many enterprises per search. */
export const SEARCH_LIMIT = 20;

/** The summary of a credit code (upper-cased); a code no complaint or report names, or no code at all, is a 404. */
export async function enterpriseSummary(deps: Deps, input: string): Promise<EnterpriseSummary> {
  const check = checkCreditCode(input);
  if (!check.wellFormed) throw new AppError('not_found', 'Not a unified social credit code (18 characters, GB 32100-2015).');
  const found = await findEnterpriseName(deps.db, check.code);
  if (!found) throw new AppError('not_found', `No complaint or report names the credit code ${check.code}.`);
  const [counts, products] = await Promise.all([
    listEnterpriseCounts(deps.db, check.code), listEnterpriseProducts(deps.db, check.code, PRODUCTS_SHOWN),
  ]);
  const byYear = enterpriseYears(counts);
  return {
    creditCode: check.code, name: found.name, creditCodeCheckOk: check.checkOk,
    ...enterpriseTotals(byYear), byYear, products: products.map(productView),
  };
}

export interface EnterpriseMatch { creditCode: string; name: string }

/** Enterprises whose credit code or name starts with `q`: code matches first, at most SEARCH_LIMIT. */
export async function searchEnterprises(deps: Deps, q: string): Promise<EnterpriseMatch[]> {
  const text = q.trim();
  if (!text) return [];
  const prefix = codePrefixOf(text);
  const [byCode, byName] = await Promise.all([
    prefix ? searchEnterprisesByCode(deps.db, prefix, SEARCH_LIMIT) : Promise.resolve([]),
    searchEnterprisesByName(deps.db, foldName(text), SEARCH_LIMIT),
  ]);
  const seen = new Set<string>();
  const matches: EnterpriseMatch[] = [];
  for (const row of [...byCode, ...byName]) {
    if (seen.has(row.credit_code) || matches.length >= SEARCH_LIMIT) continue;
    seen.add(row.credit_code);
    matches.push({ creditCode: row.credit_code, name: row.name });
  }
  return matches;
}

/**
 * Rebuilds the counters from the cases and their events in one atomic batch (the operator's
 * `enterprises recount`), audited. On a million cases it holds the database for seconds: run it
 * when a bulk change bypassed the triggers, not routinely.
 */
export async function recountEnterprises(deps: Deps) {
  await commitWithAudit(deps, recountEnterpriseQueries(deps.db), [{ actor: 'system', action: 'enterprises.recount' }]);
  return counterTotals(deps.db);
}
