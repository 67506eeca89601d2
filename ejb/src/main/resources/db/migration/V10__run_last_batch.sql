-- when a run last received a batch: a running run silent for too long ends FAILED (audit's RunScheduler)
ALTER TABLE audit_run ADD COLUMN last_batch_at TIMESTAMP WITH TIME ZONE;
UPDATE audit_run SET last_batch_at = COALESCE(finished_at, started_at) WHERE started_at IS NOT NULL;
CREATE INDEX audit_run_status_idx ON audit_run (status);
