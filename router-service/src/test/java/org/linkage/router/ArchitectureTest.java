package org.linkage.router;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import org.linkage.router.domain.BusinessCalendar;
import org.linkage.router.domain.Deadlines;
import org.linkage.router.domain.DispatchPolicy;
import org.linkage.router.domain.LeadKind;
import org.linkage.router.domain.TimeLimit;
import org.linkage.router.domain.UnitRef;

import java.time.Instant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

    /** Services answer with entities and their own records; the API's shapes (views, requests) belong to rest. */
    @Test
    void servicesDoNotKnowTheApiShapes() {
        noClasses().that().resideInAnyPackage("..router.service..", "..router.repository..")
                .should().dependOnClassesThat().resideInAPackage("..router.rest..")
                .check(classes);
    }

    /** The deadline and routing policies are plain values and the JDK: no framework, no entity, no configuration. */
    @Test
    void policiesDependOnlyOnTheJdkAndTheDomain() {
        classes().that().belongToAnyOf(Deadlines.class, DispatchPolicy.class, UnitRef.class, LeadKind.class)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..router.domain..", "org.linkage.events..")
                .check(classes);
    }

    /** Every deadline is computed by {@link Deadlines} (or the supervision ladder), never by a service itself. */
    @Test
    void onlyTheDomainTurnsTimeLimitsIntoDeadlines() {
        noClasses().that().resideOutsideOfPackage("..router.domain..")
                .should().callMethod(TimeLimit.class, "from", Instant.class, BusinessCalendar.class)
                .check(classes);
    }

    /** Kafka consumers live in messaging, so a reader finds every way an event comes in in one place. */
    @Test
    void consumersLiveInMessaging() {
        methods().that().areAnnotatedWith(Incoming.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.router.messaging..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Timers live in job, so service holds services and every background run is listed in one package. */
    @Test
    void scheduledJobsLiveInJob() {
        methods().that().areAnnotatedWith(Scheduled.class)
                .should().beDeclaredInClassesThat().resideInAPackage("org.linkage.router.job..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Native SQL only where JPQL cannot say it, and then as a named method of the persistence layer. The services
     * listed still hold theirs until they are moved; the list only shrinks.
     */
    @Test
    void nativeSqlLivesInTheRepositoryPackage() {
        noClasses().that().resideOutsideOfPackage("org.linkage.router.repository..")
                .and().haveNameNotMatching("org.linkage.router\\.service\\.(AnsweredContacts|ConsultationDesk|DispatchService|DuplicateService|KnowledgeSearch|RankingReports|ReceiptService|StatisticsService|SupervisionService|TicketClocks)(\\$.*)?")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("createNativeQuery")))
                .check(classes);
    }
}
