package org.caart.ingest.boundary;

/** A message that can never be applied: it goes to the dead-letter queue at once; retrying cannot help it. */
public class UnreadableMessage extends RuntimeException {

    public UnreadableMessage(String reason) {
        super(reason);
    }
}
