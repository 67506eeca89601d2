package org.caart.platform.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Old id (in the archive) to new id (in this database), per table, filled by each part as it inserts and read by
 * the parts ranked after it. Numeric ids are kept compactly (two sorted arrays: an archive lists rows by id, so a
 * million results cost 16 MB, not a map of boxed longs); text ids (runs, orders: UUIDs) get new random UUIDs.
 * A reference to a row the archive does not hold refuses the archive.
 */
public final class IdMap {

    private final long ownerId;
    private final String name;
    private final List<String> notes = new ArrayList<>();
    private long companyId;
    private String companyName;
    private final Map<String, Numbers> numbers = new HashMap<>();
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    /** {@code name}: the new company's name, null to keep the archive's. */
    public IdMap(long ownerId, String name) {
        this.ownerId = ownerId;
        this.name = name;
    }

    /** The new company's id (set by the company part, which imports first). */
    public long companyId() {
        if (companyId == 0) {
            throw new IllegalStateException("The company part has not created the company yet");
        }
        return companyId;
    }

    public void companyCreated(long id, String storedName) {
        this.companyId = id;
        this.companyName = storedName;
    }

    /** The new company's name as stored. */
    public String companyName() {
        return companyName;
    }

    /** The new company's name: the one the import asked for, else the archive's. */
    public String rename(String archived) {
        return name == null || name.isBlank() ? archived : name.strip();
    }

    /** Something the operator should know about the import (a member without an account here). */
    public void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The account that owns the new company (the import's named owner). */
    public long ownerId() {
        return ownerId;
    }

    public void put(String table, long old, long now) {
        numbers.computeIfAbsent(table, t -> new Numbers()).put(old, now);
    }

    /** The new id of a row, null for a null reference or a row the archive does not hold. */
    public Long find(String table, Long old) {
        if (old == null) {
            return null;
        }
        Numbers map = numbers.get(table);
        return map == null ? null : map.get(old);
    }

    /** The new id of a row the archive must hold; null stays null. */
    public Long require(String table, Long old, Row where) {
        Long now = find(table, old);
        if (old != null && now == null) {
            throw new ArchiveRefused(where.where() + " refers to " + table + " " + old + ", which the archive lacks");
        }
        return now;
    }

    /** A new random id for a text id met for the first time (the row's own id). */
    public String newText(String table, String old) {
        String now = UUID.randomUUID().toString();
        if (texts.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(old, now) != null) {
            throw new ArchiveRefused(table + " " + old + " appears twice in the archive");
        }
        return now;
    }

    public String requireText(String table, String old, Row where) {
        if (old == null) {
            return null;
        }
        String now = texts.getOrDefault(table, Map.of()).get(old);
        if (now == null) {
            throw new ArchiveRefused(where.where() + " refers to " + table + " " + old + ", which the archive lacks");
        }
        return now;
    }

    /** Old to new for one table: sorted arrays while the ids come in ascending order, else a map. */
    private static final class Numbers {

        long[] olds = new long[64];
        long[] news = new long[64];
        int size;
        Map<Long, Long> unordered;

        void put(long old, long now) {
            if (unordered == null && size > 0 && old <= olds[size - 1]) {
                if (get(old) != null) {
                    throw new ArchiveRefused("id " + old + " appears twice in the archive");
                }
                unordered = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    unordered.put(olds[i], news[i]);
                }
            }
            if (unordered != null) {
                if (unordered.putIfAbsent(old, now) != null) {
                    throw new ArchiveRefused("id " + old + " appears twice in the archive");
                }
                return;
            }
            if (size == olds.length) {
                olds = Arrays.copyOf(olds, size * 2);
                news = Arrays.copyOf(news, size * 2);
            }
            olds[size] = old;
            news[size++] = now;
        }

        Long get(long old) {
            if (unordered != null) {
                return unordered.get(old);
            }
            int at = Arrays.binarySearch(olds, 0, size, old);
            return at < 0 ? null : news[at];
        }
    }
}
