package org.linkage.intake;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The classifier and the domain rules are plain Java: they run in the evaluation command and the
 * benchmark without a container, and cannot grow a hidden dependency on the framework.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.linkage.intake");

    @Test
    void classificationAndDomainAreFrameworkFree() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.linkage.intake.classification..",
                        "org.linkage.intake.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "com.fasterxml..",
                        "org.hibernate..", "io.smallrye..", "org.eclipse.microprofile..")
                .because("the classifier and domain rules must run anywhere, without the framework");
        rule.check(MAIN);
    }

    @Test
    void restOnlyDelegates() {
        noClasses().that().resideInAPackage("org.linkage.intake.rest..")
                .should().dependOnClassesThat().haveSimpleName("EntityManager")
                .because("resources map and delegate; queries live in services and repositories")
                .check(MAIN);
    }

    /** Kafka consumers live in messaging, so a reader finds every way an event comes in in one place. */
    @Test
    void consumersLiveInMessaging() {
        methods().that().areAnnotatedWith(Incoming.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.intake.messaging..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    /** Timers live in job, so service holds services and every background run is listed in one package. */
    @Test
    void scheduledJobsLiveInJob() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.intake.job..")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
