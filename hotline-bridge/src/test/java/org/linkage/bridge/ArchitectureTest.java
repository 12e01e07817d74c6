package org.linkage.bridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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

    /** Kafka consumers live in messaging, so a reader finds every way an event comes in in one place. */
    @Test
    void consumersLiveInMessaging() {
        methods().that().areAnnotatedWith(Incoming.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.bridge.messaging..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /** Timers live in job, so service holds services and every background run is listed in one package. */
    @Test
    void scheduledJobsLiveInJob() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.bridge.job..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /**
     * Native SQL only where JPQL cannot say it, and then as a named method of the persistence layer. The read model
     * and the delivery service still hold theirs (other work is under way there).
     */
    @Test
    void nativeSqlLivesInTheRepositoryPackage() {
        noClasses().that().resideOutsideOfPackage("org.linkage.bridge.repository..")
                .and().haveNameNotMatching("org.linkage.bridge\\.service\\.(TicketReadModel|DeliveryService)(\\$.*)?")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("createNativeQuery")))
                .check(CLASSES);
    }
}
