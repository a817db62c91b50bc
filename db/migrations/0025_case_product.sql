-- The product a case names (issue 18): free text redacted like the subject's, the GS1 barcode as
-- typed (digits only) and whether its check digit failed (accepted, flagged like the credit code).
ALTER TABLE cases ADD COLUMN product_name TEXT;
ALTER TABLE cases ADD COLUMN product_brand TEXT;
ALTER TABLE cases ADD COLUMN product_model TEXT;
ALTER TABLE cases ADD COLUMN product_batch TEXT;
ALTER TABLE cases ADD COLUMN product_gtin TEXT;
ALTER TABLE cases ADD COLUMN gtin_check_failed INTEGER NOT NULL DEFAULT 0;
