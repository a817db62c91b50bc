/** Node side of the directory: reads the data files shipped in db/seed/data. */
import { readFileSync } from 'node:fs';
import type { DirectoryFiles } from './directory.js';

const dataFile = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');

export function readDirectoryFiles(): DirectoryFiles {
  return {
    regions: dataFile('regions.tsv'),
    agencies: dataFile('agencies.tsv'),
    departments: dataFile('departments.tsv'),
    categories: dataFile('categories.tsv'),
    routingRules: dataFile('routing_rules.tsv'),
  };
}
