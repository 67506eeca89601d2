-- Remember-me tokens rotate at every use; the hash of the token just replaced is kept, so that a replayed old
-- cookie (stolen, or copied) is recognised and ends the whole series.
ALTER TABLE remember_token ADD COLUMN previous_hash VARCHAR(64);
CREATE INDEX remember_token_previous_idx ON remember_token (previous_hash);
