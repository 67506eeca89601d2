package org.caart.agent.check;

/**
 * A command as the host ran it once during a scan. {@code ran} is false when it was refused, not
 * found or failed to start; {@code error} then says why.
 */
public record CommandRun(boolean ran, boolean notFound, int exitCode, String output, boolean timedOut, String error) {

    public static CommandRun notFound(String error) {
        return new CommandRun(false, true, -1, "", false, error);
    }

    public static CommandRun refused(String reason) {
        return new CommandRun(false, false, -1, "", false, reason);
    }

    public static CommandRun failed(String error) {
        return new CommandRun(false, false, -1, "", false, error);
    }

    public static CommandRun timedOut(String output, String error) {
        return new CommandRun(true, false, -1, output, true, error);
    }

    public static CommandRun finished(int exitCode, String output) {
        return new CommandRun(true, false, exitCode, output, false, null);
    }
}
