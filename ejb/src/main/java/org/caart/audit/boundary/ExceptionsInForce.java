package org.caart.audit.boundary;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired (synchronously, in the reading transaction) whenever audit scores runs or shows results: the component
 * that keeps exceptions observes it and adds those in force for the company at {@code at}. Audit knows none of it.
 */
public final class ExceptionsInForce {

    private final long companyId;
    private final OffsetDateTime at;
    private final List<ExceptionInForce> exceptions = new ArrayList<>();
    private int statements;

    public ExceptionsInForce(long companyId, OffsetDateTime at) {
        this.companyId = companyId;
        this.at = at;
    }

    public void add(ExceptionInForce exception) {
        exceptions.add(exception);
    }

    /** The SQL statements the observer ran to answer (the digest counts them). */
    public void ran(int statementsRun) {
        statements += statementsRun;
    }

    public int statements() {
        return statements;
    }

    public long companyId() {
        return companyId;
    }

    public OffsetDateTime at() {
        return at;
    }

    public List<ExceptionInForce> exceptions() {
        return List.copyOf(exceptions);
    }
}
