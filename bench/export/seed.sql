-- A company with :endpoints endpoints, each audited :audits times with :checks checks: endpoints x audits x checks
-- results (100 x 50 x 200 = 1,000,000), 20 % failing; the check texts (about 1.2 KB each, like a CIS policy's) are
-- stored once per check. Ids far above the sequences, which are moved past them at the end.
\set base 100000000
INSERT INTO endpoint (id, company_id, agent_id, secret_hash, hostname, os, os_family, os_version, agent_version,
                      status, enrolled_at, last_seen_at, last_patch_date, patch_source, dropped_batches,
                      spooled_batches, version)
SELECT :base + e, :company, md5('bench-agent-' || e || '-' || :company)::uuid::text,
       md5('secret-' || e) || md5('hash-' || e), 'bench-host-' || e, 'Debian GNU/Linux 12', 'LINUX', '12', 'bench',
       'ACTIVE', now() - interval '120 days', now(), current_date - 10, 'apt history', 0, 0, 1
FROM generate_series(1, :endpoints) e;

INSERT INTO check_text (id, digest, refs, description, rationale, remediation)
SELECT :base + c, md5('bench-text-' || c) || md5('bench-digest-' || c), 'CIS 1.' || c || ', NIST CM-' || (c % 9),
       repeat('Check ' || c || ' verifies that the setting is configured as the benchmark asks. ', 8),
       repeat('Without it an attacker could use the default. ', 6),
       repeat('Set the value in /etc/bench/' || c || '.conf and restart the service. ', 5)
FROM generate_series(1, :checks) c;

INSERT INTO audit (id, company_id, title, status, created_at, started_at, finished_at, policy_choice, version)
SELECT :base + a, :company, 'Bench audit ' || a, 'COMPLETED', now() - (:audits - a + 1) * interval '1 day',
       now() - (:audits - a + 1) * interval '1 day', now() - (:audits - a + 1) * interval '1 day' + interval '20 minutes',
       'caart-debian-baseline', 1
FROM generate_series(1, :audits) a;

INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, received,
                       passed, failed, not_applicable, errors, not_run, created_at, start_deadline, started_at,
                       finished_at, stop_requested, last_batch_at)
SELECT md5('bench-run-' || a || '-' || e || '-' || :company)::uuid::text, :base + a, :company, :base + e,
       'caart-debian-baseline', 'CAaRT Debian 12 baseline', 'COMPLETED', :checks, :checks,
       :checks - :checks / 5, :checks / 5, 0, 0, 0, au.created_at, au.created_at + interval '1 hour', au.started_at,
       au.finished_at, false, au.finished_at
FROM generate_series(1, :audits) a CROSS JOIN generate_series(1, :endpoints) e JOIN audit au ON au.id = :base + a;

INSERT INTO check_result (id, run_id, audit_id, company_id, check_id, title, status, severity, text_id, reason,
                          expected, observed, duration_micros, received_at)
SELECT :base * 10 + (a - 1) * :endpoints * :checks + (e - 1) * :checks + c,
       md5('bench-run-' || a || '-' || e || '-' || :company)::uuid::text, :base + a, :company, 'bench-check-' || c,
       'Ensure bench setting ' || c || ' is configured', CASE WHEN c % 5 = 0 THEN 'FAILED' ELSE 'PASSED' END,
       CASE WHEN c % 7 = 0 THEN 'HIGH' ELSE 'MEDIUM' END, :base + c,
       CASE WHEN c % 5 = 0 THEN 'value differs from the expected one' ELSE NULL END,
       'bench_setting_' || c || ' = enabled',
       CASE WHEN c % 5 = 0 THEN 'bench_setting_' || c || ' = disabled' ELSE 'bench_setting_' || c || ' = enabled' END,
       100 + c, now() - (:audits - a + 1) * interval '1 day' + interval '10 minutes'
FROM generate_series(1, :audits) a CROSS JOIN generate_series(1, :endpoints) e CROSS JOIN generate_series(1, :checks) c;

SELECT setval('endpoint_seq', :base * 2), setval('check_text_seq', :base * 2), setval('audit_seq', :base * 2),
       setval('check_result_seq', CAST(:base AS BIGINT) * 100);
ANALYZE;
