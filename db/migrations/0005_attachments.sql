-- Attachments of a case (docs/protection.md). The bytes live behind the storage port (disk on Node, R2 on
-- Workers) under a random key: a file name sent by a client never becomes a path.

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  storage_key TEXT NOT NULL UNIQUE,
  -- Decided from the bytes, never from the name or the declared Content-Type.
  type TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4')),
  -- Of the stored bytes, after metadata removal.
  size INTEGER NOT NULL CHECK (size > 0),
  -- Hex SHA-256 of the stored bytes, so evidence can be shown unchanged since receipt.
  sha256 TEXT NOT NULL,
  -- The client's file name without any path, redacted like other free text shown to staff; NULL if none.
  display_name TEXT,
  -- 1 for images stored without EXIF/XMP/IPTC/comments; 0 for PDF and MP4, stored as sent.
  metadata_removed INTEGER NOT NULL CHECK (metadata_removed IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_case ON attachments (case_id);
