package org.caart.agent.command;

/** Wrong arguments; the message tells the user what to type instead. */
public class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
