package org.caart.agent.platform.common;

/** One row of {@code Win32_QuickFixEngineering} as WMI returns it: the update id and InstalledOn, unparsed. */
public record HotFix(String id, String installedOn) {
}
