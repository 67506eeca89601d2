package org.caart.agent.platform;

/** A service to register: its key name, what the services console shows, and the command line it runs. */
public record ServiceDefinition(String name, String displayName, String description, String commandLine) {
}
