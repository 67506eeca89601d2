package org.caart.agent.platform.common;

/** A running process: its short name (executable file name) and full command line when readable. */
public record ProcessInfo(long pid, String name, String commandLine) {
}
