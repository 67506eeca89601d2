package org.caart.agent.remediation;

import java.util.Optional;

/** The SSH daemon of the host being fixed: validate its configuration, then reload it. */
public interface SshdControl {

    /** Empty when the configuration is valid, else the daemon's complaint. */
    Optional<String> validate();

    /** Makes the running daemon read its configuration again. */
    void reload();

    /** What validation and reload amount to here, for the report (e.g. "validated with sshd -t, reloaded"). */
    String describe();

    /** A host without sshd, or a fixture root: nothing to validate or reload. */
    static SshdControl none(String why) {
        return new SshdControl() {
            @Override
            public Optional<String> validate() {
                return Optional.empty();
            }

            @Override
            public void reload() {
                // nothing runs: there is no daemon to reload here
            }

            @Override
            public String describe() {
                return "not validated or reloaded: " + why;
            }
        };
    }
}
