package org.caart.agent.platform.common;

/** A package the package manager reports as installed; {@code source} is "dpkg" or "rpm". */
public record InstalledPackage(String name, String version, String source) {
}
