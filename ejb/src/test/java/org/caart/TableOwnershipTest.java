package org.caart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each component owns its tables (docs/architecture.md, "Where each table lives"): its entities map only those, and
 * the SQL in its classes (native queries, JDBC, COPY) names no other table or sequence. Read from the sources: every
 * string literal of a component's classes, joined in order, is searched for {@code FROM|JOIN|INTO|UPDATE|TABLE}
 * followed by a table name, and for {@code nextval('<table>_seq')}. The migrations (package {@code db.migration})
 * are the schema's history and exempt.
 */
class TableOwnershipTest {

    /** Component -> its tables (each table's sequence, {@code <table>_seq}, goes with it). */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("platform", Set.of("job_run")),
            Map.entry("ingest", Set.of("pipeline_probe")),
            Map.entry("account", Set.of("user_account", "login_throttle", "remember_token")),
            Map.entry("company", Set.of("company", "membership", "invitation")),
            Map.entry("policy", Set.of("uploaded_policy")),
            Map.entry("endpoint", Set.of("endpoint", "enrollment_token")),
            Map.entry("audit", Set.of("audit", "audit_run", "check_result", "check_text", "ingested_batch",
                    "audit_retention")),
            Map.entry("patch", Set.of("device", "patch_record", "patch_policy", "patch_override", "api_key",
                    "patch_check")),
            Map.entry("remediation", Set.of("remediation", "remediation_order", "remediation_item",
                    "remediation_step", "remediation_setting")),
            Map.entry("report", Set.of()),
            Map.entry("waiver", Set.of("waiver", "waiver_evidence", "waiver_limit")),
            Map.entry("mail", Set.of("outbox_mail")),
            Map.entry("trail", Set.of("trail_event")),
            Map.entry("export", Set.of("company_deletion")),
            Map.entry("feed", Set.of("feed_event", "feed_company", "feed_destination")));

    private static final Path SOURCES = Path.of("src/main/java/org/caart");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z][a-z0-9_]*)|nextval\\('([a-z][a-z0-9_]*)_seq'\\)");

    @Test
    void everyTableOfTheSchemaHasOneOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)");
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/db/migration")),
                Files.list(Path.of("src/main/java/db/migration")))) {
            for (Path file : files.toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Set<String> owned = TABLES.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(created, owned, "the migrations' tables and the ownership map (and docs/architecture.md)");
    }

    @Test
    void entitiesMapOnlyTheirComponentsTables() {
        List<String> foreign = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("org.caart")) {
            if (type.isAnnotatedWith(Entity.class)) {
                String component = ArchitectureTest.component(type).orElse("?");
                String table = type.tryGetAnnotationOfType(Table.class).map(Table::name).orElse(type.getSimpleName());
                if (!TABLES.getOrDefault(component, Set.of()).contains(table)) {
                    foreign.add(type.getName() + " maps " + table);
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void sqlNamesOnlyTheComponentsOwnTables() throws IOException {
        Set<String> known = TABLES.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        List<String> foreign = new ArrayList<>();
        for (String component : TABLES.keySet()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(component))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String table : tablesNamedIn(file)) {
                        if (known.contains(table) && !TABLES.get(component).contains(table)) {
                            foreign.add(SOURCES.relativize(file) + " (" + component + ") names " + table);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), foreign, "SQL on another component's tables; call its boundary instead");
    }

    static Set<String> tablesNamedIn(Path file) {
        try {
            Matcher literal = LITERAL.matcher(Files.readString(file));
            StringBuilder text = new StringBuilder();
            while (literal.find()) {
                text.append(literal.group(1));
            }
            Set<String> tables = new TreeSet<>();
            Matcher table = TABLE.matcher(text);
            while (table.find()) {
                tables.add(table.group(1) != null ? table.group(1) : table.group(2));
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
