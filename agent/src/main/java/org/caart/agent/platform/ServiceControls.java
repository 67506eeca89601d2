package org.caart.agent.platform;

/**
 * What the agent does with a control request from the service manager (codes of winsvc.h): stop and shutdown end
 * the agent (it finishes the current check and keeps its results), interrogate is answered, the rest is refused.
 */
public final class ServiceControls {

    public static final int STOP = 0x1;
    public static final int INTERROGATE = 0x4;
    public static final int SHUTDOWN = 0x5;
    public static final int PRESHUTDOWN = 0xF;
    /** Win32 error codes the handler returns. */
    public static final int NO_ERROR = 0;
    public static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    /** How long the agent may take to stop (its current check and spooling), reported as the wait hint. */
    public static final int STOP_WAIT_HINT_MILLIS = 90_000;

    public enum Action { STOP, ANSWER, REFUSE }

    private ServiceControls() {
    }

    public static Action actionFor(int control) {
        return switch (control) {
            case STOP, SHUTDOWN, PRESHUTDOWN -> Action.STOP;
            case INTERROGATE -> Action.ANSWER;
            default -> Action.REFUSE;
        };
    }

    /** The handler's return value for an action. */
    public static int reply(Action action) {
        return action == Action.REFUSE ? ERROR_CALL_NOT_IMPLEMENTED : NO_ERROR;
    }
}
