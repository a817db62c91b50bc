/** The journeys against the Node server (`server/node.ts` built into one file and run as `npm start` runs it). */
import { describeJourneys } from './journeys.js';
import { startNode } from './runtimes.js';

describeJourneys('node', startNode, 90_000);
