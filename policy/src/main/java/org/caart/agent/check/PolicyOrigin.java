package org.caart.agent.check;

/** Where a policy came from; server policies may run commands only when the host configuration allows it. */
public enum PolicyOrigin {
    BUILTIN, LOCAL_FILE, SERVER
}
