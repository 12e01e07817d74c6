package org.linkage.router;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain (calendar, state machine, ladder, matching) stays plain Java so it is testable without a container. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.linkage.router");

    @Test
    void domainUsesNoFrameworkAndNoOuterLayer() {
        noClasses().that().resideInAPackage("..router.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.smallrye..", "org.eclipse..", "com.fasterxml..", "org.linkage.commons..",
                        "..router.repository..", "..router.service..", "..router.rest..")
                .check(classes);
    }

    @Test
    void resourcesDoNotReachIntoTheDatabaseDirectly() {
        noClasses().that().resideInAPackage("..router.rest..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(classes);
    }
}
