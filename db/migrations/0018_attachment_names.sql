-- Attachment names staff never see (issue 14, docs/protection.md): a client's file name can name the
-- reporter ("张三工牌.jpg"). Staff see and download every file as attachment-N.<type> (numbered in the
-- order the case received them); the name as sent is sealed here, like a reporter's message, and only
-- the reporter reads it back on the follow-up page.
CREATE TABLE sealed_attachment_names (
  attachment_id TEXT PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
  key_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL
);

-- Names kept before this migration were plain (redacted) text. Sealing needs the master key, which
-- SQL does not have, and nobody needs them (staff must not see them; the reporter has the files):
-- they are replaced by the neutral name the file now has.
UPDATE attachments SET display_name = 'attachment-' || (
  SELECT count(*) FROM attachments AS earlier
  WHERE earlier.case_id = attachments.case_id
    AND (earlier.created_at < attachments.created_at
      OR (earlier.created_at = attachments.created_at AND earlier.rowid <= attachments.rowid))
) || CASE type
  WHEN 'image/jpeg' THEN '.jpg' WHEN 'image/png' THEN '.png' WHEN 'image/webp' THEN '.webp'
  WHEN 'application/pdf' THEN '.pdf' ELSE '.mp4' END;
