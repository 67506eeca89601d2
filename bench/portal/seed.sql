-- Seeds the portal benchmark (bench/portal.sh) directly with SQL on a schema Flyway created: the company :company
-- (whose members the benchmark's users become) gets :endpoints endpoints with their devices, :days nightly
-- audits of every endpoint (one run per endpoint, with one of :policies policies: endpoint n uses policy 1 + n % 5)
-- of :checks results each, and an audit running now; plus :small small companies of :small_endpoints endpoints
-- with :small_checks checks, audited the same nights. A check fails on more endpoints in older audits (the trend
-- improves) and a check failing tonight failed every night before (streaks). Ids are above :base (results above
-- 10^11); the sequences are moved past them. Indexes of the two big tables are dropped during the inserts and
-- built again afterwards (whatever indexes the migrations made), then the tables are analysed.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';

CREATE TEMP TABLE bench_company (idx INTEGER, cid BIGINT, endpoints INTEGER, checks INTEGER);
INSERT INTO bench_company VALUES (0, :company, :endpoints, :checks);
INSERT INTO bench_company SELECT i, :base + i, :small_endpoints, :small_checks FROM generate_series(1, :small) i;
-- the nights: day 1 is the oldest, :days is last night (02:00 UTC); day :days + 1 is the audit running now
CREATE TEMP TABLE bench_day (d INTEGER, at TIMESTAMP WITH TIME ZONE);
INSERT INTO bench_day SELECT d, date_trunc('day', now()) - make_interval(days => :days + 1 - d) + interval '2 hours'
FROM generate_series(1, :days) d;

-- the companies (the benchmark's users join the big one afterwards), the small ones' owners, patch policies
INSERT INTO company (id, name, postal_address, client_os, time_zone, created_at, version)
SELECT cid, CASE WHEN idx = 0 THEN 'Big Bench Company' ELSE 'Small company ' || idx END, '1 Bench Street',
       'DEBIAN', 'Europe/Berlin', now() - interval '400 days', 1
FROM bench_company;
INSERT INTO patch_policy (company_id, max_age_days, warning_days, check_hour, compliance_hour, stale_agent_hours,
                          version)
SELECT cid, 30, 7, 7, 2, 26, 1 FROM bench_company;
INSERT INTO user_account (id, email, first_name, last_name, password_hash, operator, must_change_password, enabled,
                          created_at, version)
SELECT :base + idx, 'owner@small' || idx || '.bench.test', 'Owner', 'No ' || idx, md5(random()::text), FALSE, FALSE,
       TRUE, now() - interval '300 days', 1
FROM bench_company WHERE idx > 0;
INSERT INTO membership (id, company_id, user_id, role, ciso, security_tech, created_at, version)
SELECT :base + idx, cid, :base + idx, 'OWNER', TRUE, FALSE, now() - interval '300 days', 1
FROM bench_company WHERE idx > 0;
-- no nightly run or patch check starts while the benchmark runs: yesterday's, today's and tomorrow's are done
INSERT INTO job_run (job, scope_id, run_date, started_at, finished_at, detail)
SELECT job, cid, CAST(now() AS DATE) + shift, now(), now(), 'seeded by the benchmark'
FROM bench_company CROSS JOIN (VALUES ('compliance-run'), ('patch-check')) j (job)
CROSS JOIN generate_series(-1, 1) shift
ON CONFLICT DO NOTHING;

-- endpoints (Linux for policies 1-3, Windows for 4-5) and their agent-backed devices
INSERT INTO endpoint (id, company_id, agent_id, secret_hash, hostname, os, os_family, os_version, os_build,
                      agent_version, tags, status, enrolled_at, last_seen_at, last_patch_date, patch_source,
                      dropped_batches, spooled_batches, revoked_at, version)
SELECT :base + c.idx * 10000 + n, c.cid, md5('agent-' || c.idx || '-' || n)::uuid::text, md5('secret' || n) || md5(n::text),
       'host-' || c.idx || '-' || lpad(n::text, 4, '0'),
       CASE WHEN n % 5 < 3 THEN 'Debian GNU/Linux 12 (bookworm)' ELSE 'Windows Server 2022' END,
       CASE WHEN n % 5 < 3 THEN 'LINUX' ELSE 'WINDOWS' END, CASE WHEN n % 5 < 3 THEN '12' ELSE '10.0' END,
       NULL, '0.1.0', CASE WHEN n % 10 = 0 THEN 'dmz,web' ELSE 'office' END, 'ACTIVE',
       now() - interval '60 days', now() - make_interval(mins => n % 50), CAST(now() AS DATE) - (n % 45), 'AGENT',
       0, 0, NULL, 1
FROM bench_company c CROSS JOIN LATERAL generate_series(1, c.endpoints) n;
INSERT INTO device (id, company_id, name, name_key, device_type, criticality, responsible, endpoint_id,
                    last_patch_date, patch_source, patch_detail, os_build, expiry, status, overdue_check_id,
                    created_at, updated_at, version)
SELECT e.id, e.company_id, e.hostname, e.hostname, CASE WHEN e.os_family = 'LINUX' THEN 'SERVER' ELSE 'WORKSTATION' END,
       'MEDIUM', 'it-team@bench.test', e.id, e.last_patch_date, 'AGENT', NULL, NULL, e.last_patch_date + 30,
       CASE WHEN e.last_patch_date + 30 < CAST(now() AS DATE) THEN 'OVERDUE'
            WHEN e.last_patch_date + 30 < CAST(now() AS DATE) + 7 THEN 'DUE_SOON' ELSE 'CURRENT' END,
       NULL, now() - interval '60 days', now() - interval '1 day', 1
FROM endpoint e WHERE e.id > :base;

-- the checks' texts, once per policy and check (as the ingest stores them)
INSERT INTO check_text (id, digest, refs, description, rationale, remediation)
SELECT :base + p * 1000 + k, md5('text-' || p || '-' || k) || md5('digest-' || p || '-' || k),
       'CIS ' || p || '.' || k || ', NIST 800-53 CM-6',
       'Policy ' || p || ', check ' || k || ': the setting that this check reads must hold the hardened value, '
           || 'as the benchmark recommends for every server in the organisation.',
       'Without it an attacker on the network or a local user gains a foothold that the hardened value closes.',
       'Set the value in the configuration file and restart the service (see the policy text for the exact line).'
FROM generate_series(1, :policies) p CROSS JOIN generate_series(1, GREATEST(:checks, :small_checks)) k;

-- the nightly audits and the one running now
INSERT INTO audit (id, company_id, created_by, title, status, created_at, started_at, finished_at, version,
                   policy_choice, stop_requested_at)
SELECT :base + c.idx * 100 + b.d, c.cid, NULL, 'Nightly compliance run ' || CAST(b.at AS DATE), 'COMPLETED', b.at,
       b.at + interval '1 minute', b.at + interval '40 minutes', 1, 'default', NULL
FROM bench_company c CROSS JOIN bench_day b;
INSERT INTO audit (id, company_id, created_by, title, status, created_at, started_at, finished_at, version,
                   policy_choice, stop_requested_at)
VALUES (:base + :days + 1, :company, NULL, 'Audit running now', 'RUNNING', now() - interval '10 minutes',
        now() - interval '9 minutes', NULL, 1, 'default', NULL);

CREATE TEMP TABLE saved_index AS
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = current_schema AND i.tablename IN ('check_result', 'audit_run')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = to_regclass(quote_ident(i.indexname)));
DO $$ DECLARE r RECORD; BEGIN
  FOR r IN SELECT indexname FROM saved_index LOOP EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP;
END $$;

-- runs: every endpoint every night; the running audit has half its runs completed, a quarter running, a quarter
-- queued
INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, received,
                       passed, failed, not_applicable, errors, not_run, created_at, start_deadline, started_at,
                       finished_at, stop_requested, error, last_batch_at)
SELECT md5('run-' || c.idx || '-' || b.d || '-' || n)::uuid::text, :base + c.idx * 100 + b.d, c.cid,
       :base + c.idx * 10000 + n, 'bench-policy-' || (1 + n % 5), 'Bench policy ' || (1 + n % 5), 'COMPLETED',
       c.checks, c.checks, 0, 0, 0, 0, 0, b.at, b.at + interval '30 minutes', b.at + interval '1 minute',
       b.at + make_interval(mins => 2 + n % 38), FALSE, NULL, b.at + make_interval(mins => 2 + n % 38)
FROM bench_company c CROSS JOIN bench_day b CROSS JOIN LATERAL generate_series(1, c.endpoints) n;
INSERT INTO audit_run (id, audit_id, company_id, endpoint_id, policy_id, policy_name, status, planned, received,
                       passed, failed, not_applicable, errors, not_run, created_at, start_deadline, started_at,
                       finished_at, stop_requested, error, last_batch_at)
SELECT md5('run-0-' || (:days + 1) || '-' || n)::uuid::text, :base + :days + 1, :company, :base + n,
       'bench-policy-' || (1 + n % 5), 'Bench policy ' || (1 + n % 5),
       CASE WHEN n % 4 < 2 THEN 'COMPLETED' WHEN n % 4 = 2 THEN 'RUNNING' ELSE 'QUEUED' END,
       :checks, CASE WHEN n % 4 < 2 THEN :checks WHEN n % 4 = 2 THEN :checks / 2 ELSE 0 END, 0, 0, 0, 0, 0,
       now() - interval '10 minutes', now() + interval '20 minutes',
       CASE WHEN n % 4 < 3 THEN now() - interval '9 minutes' END,
       CASE WHEN n % 4 < 2 THEN now() - interval '2 minutes' END, FALSE, NULL,
       CASE WHEN n % 4 < 3 THEN now() - interval '30 seconds' END
FROM generate_series(1, :endpoints) n;

-- results: check k of endpoint n fails while (n, k)'s mark is under the night's threshold, which falls from 35 %
-- to 20 % over the nights (so a check failing tonight failed every night before); every 17th check is not
-- applicable, every 53rd an error
INSERT INTO check_result (id, run_id, audit_id, company_id, check_id, title, status, severity, reason, expected,
                          observed, text_id, duration_micros, received_at)
SELECT 100000000000 + CAST((c.idx * 32 + b.d) * 10000 + n AS BIGINT) * 1000 + k,
       md5('run-' || c.idx || '-' || b.d || '-' || n)::uuid::text, :base + c.idx * 100 + b.d, c.cid,
       (1 + n % 5) || '.' || (k / 10) || '.' || (k % 10),
       'Ensure setting ' || k || ' of policy ' || (1 + n % 5) || ' is configured', s.status,
       (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'MEDIUM'])[1 + k % 5],
       CASE WHEN s.status = 'ERROR' THEN 'the file could not be read' END,
       'setting_' || k || ' = hardened',
       CASE WHEN s.status = 'FAILED' THEN 'setting_' || k || ' = default (/etc/bench/policy.conf line ' || k || ')'
            WHEN s.status = 'PASSED' THEN 'setting_' || k || ' = hardened' END,
       :base + (1 + n % 5) * 1000 + k, 1500 + k, b.at + make_interval(mins => 2 + n % 38)
FROM bench_company c CROSS JOIN bench_day b CROSS JOIN LATERAL generate_series(1, c.endpoints) n
CROSS JOIN LATERAL generate_series(1, c.checks) k
CROSS JOIN LATERAL (SELECT CASE WHEN k % 17 = 0 THEN 'NOT_APPLICABLE' WHEN k % 53 = 0 THEN 'ERROR'
        WHEN (n * 7919 + k * 104729) % 1000 < 350 - (150 * b.d) / :days THEN 'FAILED' ELSE 'PASSED' END) s (status);
INSERT INTO check_result (id, run_id, audit_id, company_id, check_id, title, status, severity, reason, expected,
                          observed, text_id, duration_micros, received_at)
SELECT 100000000000 + CAST((:days + 1) * 10000 + n AS BIGINT) * 1000 + k, md5('run-0-' || (:days + 1) || '-' || n)::uuid::text,
       :base + :days + 1, :company, (1 + n % 5) || '.' || (k / 10) || '.' || (k % 10),
       'Ensure setting ' || k || ' of policy ' || (1 + n % 5) || ' is configured', s.status,
       (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'MEDIUM'])[1 + k % 5], NULL, 'setting_' || k || ' = hardened',
       CASE WHEN s.status = 'FAILED' THEN 'setting_' || k || ' = default' ELSE 'setting_' || k || ' = hardened' END,
       :base + (1 + n % 5) * 1000 + k, 1500 + k, now() - interval '1 minute'
FROM generate_series(1, :endpoints) n
CROSS JOIN LATERAL generate_series(1, CASE WHEN n % 4 < 2 THEN :checks WHEN n % 4 = 2 THEN :checks / 2 ELSE 0 END) k
CROSS JOIN LATERAL (SELECT CASE WHEN k % 17 = 0 THEN 'NOT_APPLICABLE'
        WHEN (n * 7919 + k * 104729) % 1000 < 190 THEN 'FAILED' ELSE 'PASSED' END) s (status);

-- the runs' counters from their results
UPDATE audit_run r SET passed = x.passed, failed = x.failed, not_applicable = x.na, errors = x.errors
FROM (SELECT run_id, COUNT(*) FILTER (WHERE status = 'PASSED') AS passed,
             COUNT(*) FILTER (WHERE status = 'FAILED') AS failed,
             COUNT(*) FILTER (WHERE status = 'NOT_APPLICABLE') AS na,
             COUNT(*) FILTER (WHERE status = 'ERROR') AS errors
      FROM check_result GROUP BY run_id) x
WHERE r.id = x.run_id;

DO $$ DECLARE r RECORD; BEGIN
  FOR r IN SELECT indexdef FROM saved_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;

SELECT setval('endpoint_seq', (SELECT MAX(id) FROM endpoint) + 1000);
SELECT setval('device_seq', (SELECT MAX(id) FROM device) + 1000);
SELECT setval('audit_seq', (SELECT MAX(id) FROM audit) + 1000);
SELECT setval('company_seq', (SELECT MAX(id) FROM company) + 1000);
SELECT setval('user_account_seq', (SELECT MAX(id) FROM user_account) + 1000);
SELECT setval('membership_seq', (SELECT MAX(id) FROM membership) + 1000);
SELECT setval('check_text_seq', (SELECT MAX(id) FROM check_text) + 1000);
SELECT setval('check_result_seq', (SELECT MAX(id) FROM check_result) + 1000);
