package org.caart.ingest.boundary;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Applies the ingest messages of one type (the {@link IngestQueue#TYPE} property). The component that sends a type
 * provides its handler as a CDI bean, so the queue knows no component and a sender shares its constants only with
 * its own handler. {@link IngestConsumer} calls it without a transaction: the handler's boundary call is the
 * message's one transaction.
 */
public interface IngestHandler {

    String type();

    /** @throws UnreadableMessage when the message can never be applied (it is parked in the dead-letter queue) */
    void apply(Message message) throws JMSException;
}
