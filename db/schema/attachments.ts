/** The sealed file name of an attachment (db/migrations/0018_attachment_names.sql). */
export interface SealedAttachmentNameTable {
  attachment_id: string;
  key_id: string;
  wrapped_key: string;
  iv: string;
  ciphertext: string;
}
