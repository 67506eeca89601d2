package org.caart.contract.agent.v1;

/**
 * What an agent says about its host on enrollment and every heartbeat. {@code osFamily} is WINDOWS or LINUX;
 * {@code lastPatchDate} is an ISO date (yyyy-MM-dd) or null when unknown, {@code patchSource} says where it came
 * from (e.g. "apt history", "dpkg.log", "rpm", "windows-qfe", "windows-cbs").
 */
public record HostView(String hostname, String os, String osFamily, String osVersion, String osBuild,
                       String agentVersion, String lastPatchDate, String patchSource) {
}
