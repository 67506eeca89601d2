package org.caart.launcher;

/** The server cannot be started; the message is the sentence the operator sees. */
class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
