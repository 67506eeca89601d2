-- A result names its run's audit (issue 16's figures, bench/portal.sh): the audit page shows an audit's results in
-- check order, 50 at a time, filtered by status and severity. Through run_id that meant finding and sorting all of
-- a 1,000-endpoint audit's 200,000 results at every poll (up to 2 s per statement); with the audit in the row the
-- page is the first entries of check_result_audit_idx in order, the status, severity and company conditions are
-- checked inside the index (key columns), and a count with a severity filter reads the index only.
-- The ingest and the archive import write audit_id with every row. Runs unchanged on PostgreSQL and on H2.
-- On PostgreSQL this rewrites every result once: run VACUUM ANALYZE check_result afterwards (see
-- docs/operations.md) so that counting reads the index only.
ALTER TABLE check_result ADD COLUMN audit_id BIGINT;
UPDATE check_result SET audit_id = (SELECT r.audit_id FROM audit_run r WHERE r.id = check_result.run_id);
CREATE INDEX check_result_audit_idx ON check_result (audit_id, check_id, id, status, severity, company_id);
