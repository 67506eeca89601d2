-- Audit history, trend and endpoint pages (issue 16): the standing run per endpoint and policy is found by
-- aggregating a company's completed runs (company, status, endpoint, policy, finish), an endpoint's history by
-- (endpoint, policy, status, finish).
CREATE INDEX audit_run_completed_idx ON audit_run (company_id, status, endpoint_id, policy_id, finished_at);
CREATE INDEX audit_run_endpoint_history_idx ON audit_run (endpoint_id, policy_id, status, finished_at);
-- the remediations that touched an endpoint (its page)
CREATE INDEX remediation_item_endpoint_idx ON remediation_item (endpoint_id);
-- the dashboard's trend: the mean score per policy and audit of a company's completed runs, from the index alone
CREATE INDEX audit_run_trend_idx ON audit_run (company_id, status, policy_id, audit_id, passed, failed);
