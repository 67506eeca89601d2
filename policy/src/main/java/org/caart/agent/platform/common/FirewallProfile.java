package org.caart.agent.platform.common;

/**
 * A Windows Firewall profile with its key names: under the group policy path and under the local
 * configuration (where the private profile is historically called "StandardProfile").
 */
public enum FirewallProfile {
    DOMAIN("DomainProfile", "DomainProfile"),
    PRIVATE("PrivateProfile", "StandardProfile"),
    PUBLIC("PublicProfile", "PublicProfile");

    private final String policyKey;
    private final String localKey;

    FirewallProfile(String policyKey, String localKey) {
        this.policyKey = policyKey;
        this.localKey = localKey;
    }

    public String policyKey() {
        return policyKey;
    }

    public String localKey() {
        return localKey;
    }
}
