package org.caart.agent.check;

import java.nio.file.Path;

import org.caart.agent.platform.common.Platform;

/**
 * The machine under audit, one instance per scan: each file is read once and each distinct
 * command runs once; later calls return the cached result.
 */
public interface Host {

    Platform platform();

    FileRead readFile(Path path);

    /** Runs a command line (30 s default timeout, bounded output); refused when commands are not allowed. */
    CommandRun run(String commandLine);

    boolean commandsAllowed();

    /** Timings and missing commands of this scan; hosts that do not keep them return a throwaway. */
    default ScanStats stats() {
        return new ScanStats();
    }
}
