package org.caart.web;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web module's place on the house map (docs/architecture.md): pages and resources call the components'
 * boundaries (and the platform's exceptions and job ledger); entities reach them only as read-only views (only
 * their reading methods are called: no parameters, a result), and never a control class or the EntityManager.
 */
class WebLayerTest {

    private static JavaClasses web;

    @BeforeAll
    static void importClasses() {
        web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.caart.web");
    }

    @Test
    void webUsesOnlyBoundariesEntitiesAndThePlatform() {
        noClasses().that().resideInAPackage("org.caart.web..")
                .should().dependOnClassesThat(resideInAPackage("org.caart..").and(not(resideInAnyPackage(
                        "org.caart.web..", "org.caart.*.boundary..", "org.caart.*.entity..", "org.caart.platform..",
                        "org.caart.contract.."))))
                .check(web);
        noClasses().that().resideInAPackage("org.caart.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.caart.*.control..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(web);
    }

    @Test
    void entitiesAreReadOnlyViewsInTheWebLayer() {
        classes().that().resideInAPackage("org.caart.web..")
                .should(new ArchCondition<>("call on entities only methods that read (no parameters, a result)") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                            boolean entity = call.getTargetOwner().getPackageName()
                                    .matches("org\\.caart\\.\\w+\\.entity(\\..*)?");
                            boolean reads = call.getTarget().getRawParameterTypes().isEmpty()
                                    && !call.getTarget().getRawReturnType().isEquivalentTo(void.class);
                            boolean isStatic = call.getTarget().resolveMember()
                                    .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
                            if (entity && !reads && !isStatic && !call.getTargetOwner().isEnum()) {
                                events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                            }
                        }
                    }
                })
                .check(web);
    }
}
