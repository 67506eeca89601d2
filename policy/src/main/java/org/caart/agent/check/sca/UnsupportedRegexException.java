package org.caart.agent.check.sca;

/** A regular expression the agent cannot translate to Java exactly. */
final class UnsupportedRegexException extends Exception {

    UnsupportedRegexException(String message) {
        super(message);
    }
}
