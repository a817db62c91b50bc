/** Cases filed through Open311 GeoReport v2 (0024): the token and the coordinates as sent. */
export interface Open311RequestTable {
  case_id: string;
  token: string;
  api_key_id: string;
  lat: number | null;
  long: number | null;
  created_at: string;
}
