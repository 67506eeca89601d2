package org.caart.company.entity;

/** The operating system a company's endpoints mostly run; it presets the company's default policy. */
public enum ClientOs {
    WINDOWS_10("Windows 10", OsFamily.WINDOWS),
    WINDOWS_11("Windows 11", OsFamily.WINDOWS),
    WINDOWS_SERVER_2016("Windows Server 2016", OsFamily.WINDOWS),
    WINDOWS_SERVER_2019("Windows Server 2019", OsFamily.WINDOWS),
    WINDOWS_SERVER_2022("Windows Server 2022", OsFamily.WINDOWS),
    WINDOWS_SERVER_2025("Windows Server 2025", OsFamily.WINDOWS),
    DEBIAN("Debian", OsFamily.LINUX),
    UBUNTU("Ubuntu", OsFamily.LINUX),
    RHEL_FAMILY("Red Hat Enterprise Linux and derivatives", OsFamily.LINUX);

    private final String label;
    private final OsFamily family;

    ClientOs(String label, OsFamily family) {
        this.label = label;
        this.family = family;
    }

    public String label() {
        return label;
    }

    public OsFamily family() {
        return family;
    }

    public enum OsFamily { WINDOWS, LINUX }
}
