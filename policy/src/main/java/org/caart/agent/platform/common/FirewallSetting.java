package org.caart.agent.platform.common;

import java.util.Optional;

/**
 * One firewall profile value and where it came from: the full key it was read from, or, when it is
 * set nowhere, empty with {@code source} naming both places looked at.
 */
public record FirewallSetting(Optional<RegistryValue> value, String source) {
}
