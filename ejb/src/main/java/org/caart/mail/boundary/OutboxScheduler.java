package org.caart.mail.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Delivers due mail every ten seconds; each mail in its own transaction, so one bad address blocks nothing. */
@Singleton
@DependsOn("SchemaMigration")
public class OutboxScheduler {

    @Inject
    Outbox outbox;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliverDue() {
        for (Long id : outbox.claimDue()) {
            outbox.deliver(id);
        }
    }
}
