package org.caart.audit.entity;

/**
 * The compliance score, the one home of its rule: the passed share of the checks that passed or failed, in percent
 * (not applicable, errors and checks not run do not count); none while nothing passed or failed.
 */
public final class Score {

    private Score() {
    }

    public static Double percent(long passed, long failed) {
        return passed + failed == 0 ? null : passed * 100.0 / (passed + failed);
    }
}
