package org.caart.agent.transport;

import java.util.Map;

/**
 * The server answered and said no (a 4xx problem+json): sending the same request again will not help. The message is
 * the server's {@code detail} sentence, or the status and title when it gave none.
 */
public final class ServerRefusedException extends ServerException {

    private final int status;
    private final ProblemView problem;

    ServerRefusedException(int status, ProblemView problem) {
        super(problem.sentence(status), null);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The server's own sentence, or null. */
    public String detail() {
        return problem.detail();
    }

    /** The offending fields of a 400, field → sentence. */
    public Map<String, String> fields() {
        return problem.fields();
    }
}
