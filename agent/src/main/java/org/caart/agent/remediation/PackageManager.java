package org.caart.agent.remediation;

import java.util.List;

/** Removes packages and puts them back (dpkg/apt on the real host; the dpkg status file on a fixture root). */
public interface PackageManager {

    /** What removing the package changes, as it is now. */
    List<Saved> capture(String name);

    void remove(String name);

    /** Reinstalls a package saved as kind {@code package}. */
    void reinstall(Saved saved);

    /** Whether rollback reinstalls from a repository (flag ROLLBACK_NEEDS_REPOSITORY). */
    boolean rollbackNeedsRepository();
}
