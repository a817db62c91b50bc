-- Open311 GeoReport v2 (issue 17): one row per case filed through POST /open311/v2/requests.
-- The token answers GET tokens/{token} with the case number; lat/long are the WGS84 coordinates
-- as the client sent them (the cases table has no location of its own), returned as sent.
CREATE TABLE open311_requests (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  token TEXT NOT NULL UNIQUE,
  -- The API client (api_keys.id) that filed it.
  api_key_id TEXT NOT NULL,
  lat REAL,
  long REAL,
  created_at TEXT NOT NULL
);
