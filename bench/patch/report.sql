-- The figures of one benchmark day (:'day' = the companies' local date), for bench/patch-check.sh.
\pset footer off
SELECT COUNT(*)                                                              AS companies_checked,
       SUM(devices)                                                          AS devices_evaluated,
       SUM(overdue_count)                                                    AS overdue,
       SUM(newly_overdue)                                                    AS newly_overdue,
       SUM(due_soon_count)                                                   AS due_soon,
       SUM(unknown_count)                                                    AS unknown,
       SUM(current_count)                                                    AS current,
       SUM(mails)                                                            AS mails_queued,
       SUM(statements)                                                       AS statements_recorded,
       ROUND(CAST(SUM(EXTRACT(EPOCH FROM finished_at - started_at)) AS NUMERIC), 3) AS sum_company_s,
       ROUND(CAST(MAX(EXTRACT(EPOCH FROM finished_at - started_at)) AS NUMERIC), 3) AS max_company_s,
       ROUND(CAST(EXTRACT(EPOCH FROM MAX(finished_at) - MIN(started_at)) AS NUMERIC), 3) AS first_start_to_last_finish_s
FROM patch_check WHERE kind = 'DAILY' AND run_date = CAST(:'day' AS DATE);
SELECT (SELECT COUNT(*) FROM trail_event WHERE action = 'device.overdue'
            AND occurred_at >= CAST(:'since' AS TIMESTAMPTZ))                AS trail_rows,
       (SELECT COUNT(*) FROM outbox_mail WHERE created_at >= CAST(:'since' AS TIMESTAMPTZ)) AS outbox_rows,
       (SELECT ROUND(AVG(LENGTH(text_body) + COALESCE(LENGTH(html_body), 0))) FROM outbox_mail
            WHERE created_at >= CAST(:'since' AS TIMESTAMPTZ))               AS avg_mail_chars,
       (SELECT COUNT(*) FROM job_run WHERE job = 'patch-check' AND run_date = CAST(:'day' AS DATE)
            AND finished_at IS NOT NULL)                                     AS ledger_rows;
