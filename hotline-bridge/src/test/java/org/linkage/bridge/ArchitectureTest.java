package org.linkage.bridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain package stays plain Java, so its rules (signing, retries) can be reused and reasoned about alone. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.linkage.bridge");

    @Test
    void domainDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.linkage.bridge.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.linkage.bridge.domain..", "java..", "javax.crypto..")
                .check(CLASSES);
    }

    @Test
    void restResourcesDoNotReachIntoClients() {
        noClasses().that().resideInAPackage("org.linkage.bridge.rest..")
                .should().dependOnClassesThat().resideInAPackage("org.linkage.bridge.client..")
                .check(CLASSES);
    }
}
