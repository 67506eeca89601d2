package org.caart;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house map of docs/architecture.md as rules over the ejb module's classes: which component may import which
 * (so the graph has no cycle), nobody reaches another component's {@code control}, the platform and the entities
 * stand on nothing above them. Table ownership (native SQL) is {@link TableOwnershipTest}'s.
 */
class ArchitectureTest {

    /** Component -> the components it may import (besides the platform, which everyone may import). */
    static final Map<String, Set<String>> ARROWS = Map.ofEntries(
            Map.entry("platform", Set.of()),
            Map.entry("ingest", Set.of()),
            Map.entry("account", Set.of()),
            Map.entry("company", Set.of("account")),
            Map.entry("policy", Set.of("company", "account")),
            Map.entry("endpoint", Set.of("company", "account")),
            Map.entry("audit", Set.of("endpoint", "policy", "company", "account", "ingest")),
            Map.entry("patch", Set.of("audit", "endpoint", "company", "account")),
            Map.entry("remediation", Set.of("audit", "endpoint", "policy", "company", "account")),
            Map.entry("report", Set.of("audit", "endpoint", "patch", "waiver", "remediation", "company", "account")),
            Map.entry("waiver", Set.of("audit", "endpoint", "policy", "company", "account")),
            Map.entry("mail", Set.of("company", "account")),
            Map.entry("trail", Set.of("company", "account")),
            Map.entry("export", Set.of("company", "account")),
            Map.entry("feed", Set.of("company", "account")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.caart");
    }

    @Test
    void everyComponentIsOnTheMap() {
        classes().that().resideInAPackage("org.caart..")
                .should(new ArchCondition<>("belong to a component on the map") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (component(item).isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is in no component of ArchitectureTest.ARROWS (and docs/architecture.md)"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void componentsImportOnlyAlongTheArrows() {
        classes().that().resideInAPackage("org.caart..")
                .should(new ArchCondition<>("import only components the map allows") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = component(item).orElse(null);
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            component(d.getTargetClass()).filter(to -> !to.equals(from) && !to.equals("platform"))
                                    .filter(to -> from == null || !ARROWS.getOrDefault(from, Set.of()).contains(to))
                                    .ifPresent(to -> events.add(SimpleConditionEvent.violated(d,
                                            from + " -> " + to + " is not an arrow of the map: "
                                                    + d.getDescription())));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("org.caart.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noComponentReachesAnotherOnesControl() {
        classes().that().resideInAPackage("org.caart..")
                .should(new ArchCondition<>("use only their own component's control classes") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = component(item).orElse("");
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (target.matches("org\\.caart\\.\\w+\\.control(\\..*)?")
                                    && !target.startsWith("org.caart." + from + ".")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void thePlatformImportsNoComponent() {
        noClasses().that().resideInAPackage("org.caart.platform..")
                .should().dependOnClassesThat(resideInAPackage("org.caart..")
                        .and(not(resideInAPackage("org.caart.platform.."))))
                .check(classes);
    }

    @Test
    void entitiesImportNothingAboveThem() {
        noClasses().that().resideInAPackage("org.caart.*.entity..")
                .should().dependOnClassesThat(resideInAnyPackage("org.caart.*.boundary..", "org.caart.*.control..",
                        "jakarta.ejb..", "jakarta.enterprise..", "jakarta.inject.."))
                .check(classes);
    }

    /** The component of a class of this module: the package segment after org.caart (none for the agent's). */
    static Optional<String> component(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("org.caart.")) {
            return Optional.empty();
        }
        String component = name.substring("org.caart.".length()).split("\\.")[0];
        return ARROWS.containsKey(component) ? Optional.of(component) : Optional.empty();
    }
}
