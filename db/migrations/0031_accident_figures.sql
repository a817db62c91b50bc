-- An injury's accident figures (issue 18): deaths, seriously injured, other injured and the direct
-- loss in fen, as the reporter gave them (NULL: none given). They set the severity on filing
-- (docs/lifecycle.md). filed_by_enterprise: the responsible enterprise filed it itself, its contact
-- person sealed as the reporter.
ALTER TABLE cases ADD COLUMN accident_deaths INTEGER;
ALTER TABLE cases ADD COLUMN accident_seriously_injured INTEGER;
ALTER TABLE cases ADD COLUMN accident_injured INTEGER;
ALTER TABLE cases ADD COLUMN accident_loss_fen INTEGER;
ALTER TABLE cases ADD COLUMN filed_by_enterprise INTEGER NOT NULL DEFAULT 0;
