/**
 * Every route createApp mounts, as request generators grouped by who calls them: the public API,
 * follow-up with and without a token, staff as handler and as intake (and the other roles where a
 * route is theirs), admin, and the HTML pages with their form posts. Each target pairs a path with
 * the bodies that route takes, so most requests get past routing and into the handler.
 */
import { publicApi, staffApi } from './endpoints-api.js';
import { publicPages, staffPages } from './endpoints-pages.js';
import type { Group } from './targets.js';
import type { World } from './world.js';

export type { Group };

export function groups(w: World): Group[] {
  return [...publicApi(w), ...staffApi(w), ...publicPages(w), ...staffPages(w)];
}
