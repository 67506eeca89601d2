-- Seeds :companies companies x :devices devices for bench/patch-check.sh, directly with SQL, on a schema Flyway
-- created. Every id is above :base, and the sequences are moved past the seeded ids afterwards, so EclipseLink's
-- next allocation blocks (INCREMENT BY 50) cannot collide with them.
-- The patch dates are relative to :'today' (the local date of every company at the benchmark's first tick) and to
-- each device's effective maximum age (the rule of PatchEvaluation), so that on that day about 70% of the devices
-- are current, 10% due soon, 15% overdue and 5% without a patch date. None is reported yet (overdue_check_id NULL).
\set ON_ERROR_STOP on
BEGIN;

-- companies spread over ten time zones, UTC-5 .. UTC+9 (at 13:30 UTC in January all are past 07:00, same date)
INSERT INTO company (id, name, postal_address, client_os, time_zone, created_at, version)
SELECT :base + c, 'Bench Company ' || c, NULL,
       (ARRAY['WINDOWS_11', 'WINDOWS_10', 'WINDOWS_SERVER_2016'])[1 + c % 3],
       (ARRAY['America/New_York', 'America/Sao_Paulo', 'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Helsinki',
              'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo'])[1 + c % 10],
       now() - interval '400 days', 1
FROM generate_series(1, :companies) c;

-- policies: check hour 6 or 7, maximum age 30 (45 for every fifth company), warning window 7 days
INSERT INTO patch_policy (company_id, max_age_days, warning_days, check_hour, compliance_hour, stale_agent_hours,
                          version)
SELECT :base + c, CASE WHEN c % 5 = 0 THEN 45 ELSE 30 END, 7, 6 + c % 2, 2, 26, 1
FROM generate_series(1, :companies) c;

-- a couple of overrides: servers 14 days in every third company, HIGH criticality 21 days in every fourth
INSERT INTO patch_override (company_id, kind, subject, max_age_days)
SELECT :base + c, 'TYPE', 'SERVER', 14 FROM generate_series(1, :companies) c WHERE c % 3 = 0;
INSERT INTO patch_override (company_id, kind, subject, max_age_days)
SELECT :base + c, 'CRITICALITY', 'HIGH', 21 FROM generate_series(1, :companies) c WHERE c % 4 = 0;

-- 1-2 members per company with the CISO / security technician duty (the digest's recipients)
INSERT INTO user_account (id, email, first_name, last_name, password_hash, operator, must_change_password, enabled,
                          created_at, version)
SELECT :base + u, 'member' || u || '@bench' || ((u + 1) / 2) || '.test', 'Member', 'No ' || u,
       -- no password at all: a random value no PBKDF2 hash can match (the members never sign in)
       md5(random()::text), FALSE, FALSE, TRUE, now() - interval '300 days', 1
FROM generate_series(1, 2 * :companies) u;
INSERT INTO membership (id, company_id, user_id, role, ciso, security_tech, created_at, version)
SELECT :base + 2 * c - 1, :base + c, :base + 2 * c - 1, 'OWNER', TRUE, FALSE, now() - interval '300 days', 1
FROM generate_series(1, :companies) c;
INSERT INTO membership (id, company_id, user_id, role, ciso, security_tech, created_at, version)
SELECT :base + 2 * c, :base + c, :base + 2 * c, (ARRAY['ADMIN', 'REMEDIATOR'])[1 + c % 2], FALSE, c % 2 = 0,
       now() - interval '300 days', 1
FROM generate_series(1, :companies) c;

-- devices: types and criticalities mixed; the patch date gives the wanted status under the device's effective
-- maximum age (the strictest matching override, else the company's maximum). As in the product, where every
-- write evaluates the device at once, each device has its expiry and its status as of the day before the check.
INSERT INTO device (id, company_id, name, name_key, device_type, criticality, responsible, endpoint_id,
                    last_patch_date, patch_source, patch_detail, os_build, expiry, status,
                    overdue_check_id, created_at, updated_at, version)
SELECT id, company_id, name, name_key, type, crit, responsible, NULL, patched, source, NULL, NULL,
       patched + max_age,
       CASE WHEN patched IS NULL THEN 'UNKNOWN'
            WHEN patched + max_age < CAST(:'today' AS DATE) - 1 THEN 'OVERDUE'
            WHEN patched + max_age < CAST(:'today' AS DATE) - 1 + 7 THEN 'DUE_SOON'
            ELSE 'CURRENT' END,
       NULL, now() - interval '200 days', now() - interval '1 day', 1
FROM (
SELECT :base + (c - 1) * :devices + n AS id, :base + c AS company_id, name, lower(name) AS name_key, type, crit,
       'it-team@bench' || c || '.test' AS responsible, max_age,
       CASE WHEN bucket < 5 THEN NULL                                              -- 5% unknown
            WHEN bucket < 20 THEN CAST(:'today' AS DATE) - max_age - (1 + n % 60)   -- 15% overdue by 1..60 days
            WHEN bucket < 30 THEN CAST(:'today' AS DATE) - max_age + n % 7          -- 10% due within 0..6 days
            ELSE CAST(:'today' AS DATE) - max_age + 7 + n % (max_age - 7)           -- 70% current
       END AS patched,
       CASE WHEN bucket < 5 THEN NULL WHEN n % 3 = 0 THEN 'AGENT' ELSE 'MANUAL' END AS source
FROM (
    SELECT c, n, d.name, d.type, d.crit, d.bucket,
           LEAST(CASE WHEN c % 5 = 0 THEN 45 ELSE 30 END,
                 CASE WHEN c % 3 = 0 AND d.type = 'SERVER' THEN 14 ELSE 100000 END,
                 CASE WHEN c % 4 = 0 AND d.crit = 'HIGH' THEN 21 ELSE 100000 END) AS max_age
    FROM generate_series(1, :companies) c
    CROSS JOIN generate_series(1, :devices) n
    CROSS JOIN LATERAL (SELECT
        (ARRAY['WORKSTATION', 'WORKSTATION', 'WORKSTATION', 'WORKSTATION', 'SERVER', 'SERVER', 'FIREWALL', 'ROUTER',
               'SWITCH', 'APPLIANCE'])[1 + n % 10] AS type,
        (ARRAY['MEDIUM', 'LOW', 'MEDIUM', 'HIGH', 'MEDIUM', 'CRITICAL', 'LOW'])[1 + n % 7] AS crit,
        (ARRAY['ws', 'ws', 'ws', 'ws', 'srv', 'srv', 'fw', 'rt', 'sw', 'app'])[1 + n % 10] || '-' || c || '-'
            || lpad(n::text, 5, '0') AS name,
        abs(hashtext(c || '-' || n)) % 100 AS bucket) d
) s
) v;

-- past every seeded id: the next nextval() hands EclipseLink a block above them
SELECT setval('company_seq', GREATEST((SELECT last_value FROM company_seq), :base + 10000000));
SELECT setval('user_account_seq', GREATEST((SELECT last_value FROM user_account_seq), :base + 10000000));
SELECT setval('membership_seq', GREATEST((SELECT last_value FROM membership_seq), :base + 10000000));
SELECT setval('device_seq', GREATEST((SELECT last_value FROM device_seq), :base + 10000000));
COMMIT;
ANALYZE;
