/** The enterprise quality-credit summary: public counts by unified social credit code, and the search. */
import { creditCodeParam, enterpriseSearchSchema } from '../enterprises/enterprises.schema.js';
import type { Operation } from './operation.js';
import { arr, bool, int, obj, str } from './schema.js';

const counted = (what: string) => int(`${what}; merged duplicates are not counted`);

const year = obj({
  year: int('Beijing year'),
  complaints: counted('complaints received in the year'),
  reports: counted('reports received in the year'),
  complaintsAccepted: counted('complaints accepted in the year'),
  complaintsMediated: counted('complaints mediated in the year'),
  reportsOpened: counted('reports on which a case was opened (立案) in the year'),
  penaltiesDecided: counted('penalties decided in the year'),
});

const product = obj({
  'gtin?': str('GS1 barcode as typed'), 'brand?': str(), 'model?': str(), 'name?': str(),
  cases: int('complaints and reports naming this product'),
}, 'A product named on the cases: by GTIN, else brand and model, else name. Product fields only.');

const summary = obj({
  creditCode: str('the code, upper case'),
  name: str('the name the latest complaint or report gave'),
  creditCodeCheckOk: bool('false when the check character is wrong: the cases that used the code as typed'),
  complaints: obj({ received: int(), accepted: int(), mediated: int() }),
  reports: obj({ received: int(), opened: int() }),
  penaltiesDecided: int(),
  byYear: arr(year, 'oldest first'),
  products: arr(product, 'at most 20, most cases first'),
});

export const enterpriseOperations: Operation[] = [
  { method: 'get', path: '/api/v1/enterprises', tag: 'reference', auth: 'none', summary: 'Find enterprises by credit code or name',
    description: 'Enterprises named in complaints or reports whose credit code or name starts with `q` (credit code matches first), at most 20.',
    query: enterpriseSearchSchema,
    success: { status: 200, description: 'The matches.', schema: obj({ q: str(), items: arr(obj({ creditCode: str(), name: str() })) }) } },
  { method: 'get', path: '/api/v1/enterprises/{creditCode}', tag: 'reference', auth: 'none', summary: 'An enterprise\'s quality-credit summary',
    description: 'Counts only, no case text and nothing of a reporter: complaints received, accepted and mediated, reports received and ' +
      'opened, penalties decided, by year, and the products named. The code is read in upper case; a code no complaint or report names, ' +
      'or one that is not a credit code, is a 404. A merged duplicate counts nowhere.',
    pathParams: { creditCode: creditCodeParam },
    success: { status: 200, description: 'The summary.', schema: summary } },
];
