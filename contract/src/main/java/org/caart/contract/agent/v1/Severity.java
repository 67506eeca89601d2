package org.caart.contract.agent.v1;

public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
