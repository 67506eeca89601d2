package org.caart.agent.check;

/** Reads one policy format. */
public interface PolicyParser {

    /** Whether this parser understands the given text (by content; the file name is only a hint). */
    boolean accepts(String fileName, String text);

    Policy parse(String sourceName, String text, PolicyOrigin origin) throws PolicyException;
}
