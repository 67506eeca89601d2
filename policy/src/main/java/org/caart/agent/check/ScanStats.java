package org.caart.agent.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Where a scan spent its time, per kind of work (e.g. SCA rule type), and which commands were missing. */
public final class ScanStats {

    /** Time and count for one kind of work. */
    public record Entry(long count, long nanos) {
    }

    private final Map<String, LongAdder[]> entries = new ConcurrentHashMap<>();
    private final Set<String> missingCommands = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> commandNanos = new ConcurrentHashMap<>();

    public void record(String kind, long nanos) {
        LongAdder[] adders = entries.computeIfAbsent(kind, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        adders[0].increment();
        adders[1].add(nanos);
    }

    public void commandNotFound(String program) {
        missingCommands.add(program);
    }

    public void commandRan(String commandLine, long nanos) {
        commandNanos.put(commandLine, nanos);
    }

    /** The slowest distinct commands of the scan, slowest first. */
    public List<Map.Entry<String, Long>> slowestCommands(int limit) {
        return commandNanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    public int commandsRun() {
        return commandNanos.size();
    }

    public Map<String, Entry> entries() {
        Map<String, Entry> copy = new TreeMap<>();
        entries.forEach((kind, adders) -> copy.put(kind, new Entry(adders[0].sum(), adders[1].sum())));
        return copy;
    }

    public Set<String> missingCommands() {
        return Set.copyOf(missingCommands);
    }
}
