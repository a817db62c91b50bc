/** The idempotency keys of submissions (0017): a repeated post gets the first answer back. */
export interface SubmissionKeyTable {
  key_hash: string;
  fingerprint: string;
  case_id: string;
  /** The sealed first answer; null once a form's confirmation page has used it. */
  key_id: string | null;
  wrapped_key: string | null;
  iv: string | null;
  ciphertext: string | null;
  /** The form's confirmation page: the hash of the token in its address; null for the API. */
  view_hash: string | null;
  viewed_at: string | null;
  created_at: string;
  expires_at: string;
}
