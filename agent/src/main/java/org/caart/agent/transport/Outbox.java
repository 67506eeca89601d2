package org.caart.agent.transport;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.caart.contract.agent.v1.BatchReceipt;
import org.caart.contract.agent.v1.ResultBatchView;

/**
 * Gets result batches to the server: sends each at once, or spools it when the server is unavailable; spooled batches
 * are resent oldest first, in the background with back-off. While anything waits in the spool new batches queue
 * behind it, so the server receives a run's batches in order. A batch the server refuses (400, 413) is logged and
 * let go: sending it again would not help, and the server knows it refused it. Receipts asking to stop, and a revoked agent, are passed on.
 */
public final class Outbox {

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final long IDLE_CHECK_SECONDS = 30;

    private final ServerClient client;
    private final Spool spool;
    private final Backoff backoff;
    private final Random random;
    private final Consumer<String> stopRequested;
    private final Consumer<ReEnrollRequiredException> revoked;
    private final Semaphore spooled = new Semaphore(0);

    public Outbox(ServerClient client, Spool spool, Backoff backoff, Random random, Consumer<String> stopRequested,
            Consumer<ReEnrollRequiredException> revoked) {
        this.client = client;
        this.spool = spool;
        this.backoff = backoff;
        this.random = random;
        this.stopRequested = stopRequested;
        this.revoked = revoked;
    }

    public void deliver(ResultBatchView batch) {
        if (spool.isEmpty()) {
            try {
                accepted(client.send(batch), batch);
                return;
            } catch (ServerRefusedException e) {
                refused(batch, e);
                return;
            } catch (ReEnrollRequiredException e) {
                revoked.accept(e);
            } catch (ServerException e) {
                LOG.log(System.Logger.Level.WARNING, "spooling batch " + batch.sequence() + " of run " + batch.runId()
                        + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spool.add(batch);
        spooled.release();
    }

    /** Sends spooled batches oldest first; true when the spool is empty, false when the server could not take one. */
    public boolean drain() throws InterruptedException {
        for (Optional<Spool.Entry> entry = spool.oldest(); entry.isPresent(); entry = spool.oldest()) {
            ResultBatchView batch = entry.get().batch();
            try {
                accepted(client.send(batch), batch);
                spool.remove(entry.get());
            } catch (ServerRefusedException e) {
                refused(batch, e);
                spool.remove(entry.get());
            } catch (ReEnrollRequiredException e) {
                revoked.accept(e);
                return false;
            } catch (ServerException e) {
                LOG.log(System.Logger.Level.INFO, spool.size() + " spooled batches wait: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Resends spooled batches until the thread is interrupted: when one is spooled, every 30 s, and after failures. */
    public void resendUntilInterrupted() {
        int failures = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (spool.isEmpty()) {
                    spooled.tryAcquire(IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
                    spooled.drainPermits();
                } else if (drain()) {
                    failures = 0;
                } else {
                    Thread.sleep(backoff.delay(failures++, random).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accepted(BatchReceipt receipt, ResultBatchView batch) {
        if (receipt != null && receipt.stopRequested()) {
            stopRequested.accept(batch.runId());
        }
    }

    private static void refused(ResultBatchView batch, ServerRefusedException e) {
        LOG.log(System.Logger.Level.ERROR, "the server refused batch " + batch.sequence() + " (" + batch.batchId()
                + ") of run " + batch.runId() + ", dropping it: " + e.getMessage() + (e.fields().isEmpty() ? ""
                : " " + e.fields()));
    }
}
