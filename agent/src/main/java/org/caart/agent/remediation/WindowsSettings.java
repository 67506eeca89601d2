package org.caart.agent.remediation;

import java.util.List;
import java.util.Optional;

import org.caart.agent.platform.common.RegistryValue;
import org.caart.agent.platform.common.ServiceStartType;

/**
 * The Windows settings the fix catalog changes, read and written through one port: the registry in the 64-bit
 * view, the local security policy ([System Access] settings and user rights), advanced audit policy by subcategory
 * GUID and service start types. The real adapter is {@code platform.windows.WindowsSettingsAdapter}; tests use a
 * fake. Every method raises RemediationException with a sentence when Windows refuses.
 */
public interface WindowsSettings {

    Optional<RegistryValue> registryValue(String key, String name);

    /** Creates the key when missing (the created keys are left in place: an empty key changes no setting). */
    void setRegistryValue(String key, String name, RegistryValue value);

    void deleteRegistryValue(String key, String name);

    Optional<String> securityPolicySetting(String name);

    void setSecurityPolicySetting(String name, String value);

    /** SIDs (without '*') or names holding the right; empty when nobody holds it. */
    List<String> rightHolders(String right);

    void setRightHolders(String right, List<String> accounts);

    /** The AuditingInformation bits (1 success, 2 failure) of a subcategory. */
    int auditFlags(String subcategoryGuid);

    void setAuditFlags(String subcategoryGuid, int flags);

    Optional<ServiceStartType> serviceStartType(String service);

    void setServiceStartType(String service, ServiceStartType type);

    /** For hosts that are not Windows: every call is refused. */
    static WindowsSettings unavailable(String why) {
        return UnavailableWindowsSettings.because(why);
    }
}
