package org.caart.platform.jobs;

/**
 * A component's daily work, ticked hourly by {@link DailyScheduler}: it decides what is due (its hour, the
 * {@link JobLedger}) and runs each scope (the platform, or one company) in a transaction of its own, so one
 * scope's failure stays its own and is retried at the next tick. Components provide theirs as CDI beans; the
 * platform knows none of them.
 */
public interface DailyJob {

    /** Runs whatever of this job is due now; a failure thrown here is logged and retried at the next tick. */
    void runDue();
}
