-- Indexes for the portal's reads at scale (bench/portal.sh: 1,000 endpoints, 30 nightly audits, ~6 million
-- results). Runs unchanged on PostgreSQL and on H2.

-- The dashboard's standing runs: a company's completed runs, newest first (was a scan of all its runs and a sort).
CREATE INDEX audit_run_company_finished_idx ON audit_run (company_id, status, finished_at);

-- An audit's results by run, status and severity, with the company the queries also check: counting the results
-- of a 1,000-endpoint audit (with or without a status and severity filter) reads this index only, and a filtered
-- page finds its rows without reading the others. It serves every use of the (run_id, status) index it replaces.
CREATE INDEX check_result_run_status_idx ON check_result (run_id, status, severity, company_id);
DROP INDEX check_result_run_idx;
