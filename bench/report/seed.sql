-- Seeds the company :company for bench/report.sh, directly with SQL on a schema Flyway created: :endpoints active
-- endpoints, one completed audit of all of them with :checks results each (the standing runs the company export
-- reads), and an older completed audit of the first :pdf_endpoints endpoints (the audit whose PDF is timed). Each
-- check has its texts (references, description, rationale, remediation: about 1 KB, as a CIS check) once in
-- check_text. Every id is above :base; the sequences are moved past them afterwards.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO endpoint (id, company_id, agent_id, secret_hash, hostname, os, os_family, os_version, os_build,
                      agent_version, tags, status, enrolled_at, last_seen_at, last_patch_date, patch_source,
                      dropped_batches, spooled_batches, revoked_at, version)
SELECT :base + e, :company, md5('agent' || e)::uuid::text, md5('secret' || e) || md5('s' || e),
       'bench-host-' || lpad(e::text, 5, '0'), 'Debian GNU/Linux 12', 'LINUX', '12', NULL, '0.1.0', NULL,
       'ACTIVE', now() - interval '30 days', now() - interval '1 hour', NULL, NULL, 0, 0, NULL, 1
FROM generate_series(1, :endpoints) e;

INSERT INTO check_text (id, digest, refs, description, rationale, remediation)
SELECT :base + k, md5('text' || k) || md5('digest' || k),
       'CIS 5.' || k || ', NIST AC-' || (k % 20),
       'Check ' || k || ' verifies that the setting it names is configured as the benchmark requires. '
           || repeat('The configuration file is read and the value compared with the expected one. ', 4),
       'A setting left at its default weakens the host. ' || repeat('Attackers use such defaults. ', 4),
       'Edit /etc/bench/' || k || '.conf and set the value to the expected one, then reload the service. '
           || repeat('Keep a copy of the file first. ', 4)
FROM generate_series(1, :checks) k;

-- the big audit (standing runs) and the small older one (its PDF)
INSERT INTO audit (id, company_id, created_by, title, status, created_at, started_at, finished_at, policy_choice,
                   stop_requested_at, version)
VALUES (:base + 1, :company, NULL, 'Bench audit of every endpoint', 'COMPLETED', now() - interval '2 hours',
        now() - interval '2 hours', now() - interval '1 hour', 'default', NULL, 1),
       (:base + 2, :company, NULL, 'Bench audit for the PDF', 'COMPLETED', now() - interval '2 days',
        now() - interval '2 days', now() - interval '2 days' + interval '10 minutes', 'default', NULL, 1);

INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, received,
                       passed, failed, not_applicable, errors, not_run, created_at, start_deadline, started_at,
                       finished_at, stop_requested, error, last_batch_at)
SELECT md5('run' || a || '-' || e)::uuid::text, :base + a, :company, :base + e, 'caart-debian-baseline',
       'CAaRT Debian baseline', 'COMPLETED', :checks, :checks,
       (SELECT COUNT(*) FROM generate_series(1, :checks) k WHERE (k + e) % 10 >= 3),
       (SELECT COUNT(*) FROM generate_series(1, :checks) k WHERE (k + e) % 10 BETWEEN 1 AND 2),
       (SELECT COUNT(*) FROM generate_series(1, :checks) k WHERE (k + e) % 10 = 0), 0, 0,
       a_created, a_created, a_created, a_created + interval '5 minutes', FALSE, NULL, a_created + interval '5 minutes'
FROM (SELECT 1 AS a, now() - interval '2 hours' AS a_created UNION ALL
      SELECT 2, now() - interval '2 days') audits
CROSS JOIN generate_series(1, :endpoints) e
WHERE a = 1 OR e <= :pdf_endpoints;

INSERT INTO check_result (id, run_id, audit_id, company_id, check_id, title, status, severity, reason, expected,
                          observed, duration_micros, received_at, text_id)
SELECT :base + (a - 1) * :endpoints * :checks + (e - 1) * :checks + k, md5('run' || a || '-' || e)::uuid::text,
       :base + a, :company, 'bench-check-' || lpad(k::text, 3, '0'), 'Bench check ' || k || ': the setting is configured',
       CASE WHEN (k + e) % 10 >= 3 THEN 'PASSED' WHEN (k + e) % 10 = 0 THEN 'NOT_APPLICABLE' ELSE 'FAILED' END,
       (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'INFO'])[1 + k % 5], NULL,
       'setting_' || k || ' = on', CASE WHEN (k + e) % 10 >= 3 THEN 'setting_' || k || ' = on'
                                       ELSE 'setting_' || k || ' = off' END,
       100, now() - interval '1 hour', :base + k
FROM (SELECT 1 AS a UNION ALL SELECT 2) audits
CROSS JOIN generate_series(1, :endpoints) e
CROSS JOIN generate_series(1, :checks) k
WHERE a = 1 OR e <= :pdf_endpoints;

SELECT setval('endpoint_seq', :base + 10000000);
SELECT setval('audit_seq', :base + 10000000);
SELECT setval('check_result_seq', :base + 1000000000);
SELECT setval('check_text_seq', :base + 100000);
COMMIT;
ANALYZE endpoint;
ANALYZE audit_run;
ANALYZE check_result;
ANALYZE check_text;
