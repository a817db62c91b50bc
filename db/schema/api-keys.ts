/** API clients' keys (0023): the key is stored only as its SHA-256. */
export interface ApiKeyTable {
  id: string;
  name: string;
  key_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
  request_count: number;
}
