package org.linkage.router.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.commons.security.Actor;
import org.linkage.events.CategoryQuestion;
import org.linkage.events.CategoryQuestionsChanged;
import org.linkage.router.domain.QuestionRules;
import org.linkage.router.repository.CategoryQuestionSet;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions each category asks (分类必填项). The router's catalogue is their one owner: intake follows what it
 * announces on linkage.categories (as it follows the districts), the bridge reads them through the API for Open311.
 * Every change is a new version, audited as {@code category_questions}, and announced in its transaction.
 */
@ApplicationScoped
public class CategoryQuestionService {
    private static final Logger LOG = Logger.getLogger(CategoryQuestionService.class);
    /** A category's current questions, and which version they are (0: the category never had any). */
    public record QuestionSet(String categoryCode, int version, List<CategoryQuestion> questions, Instant createdAt,
                              String createdBy) {
    }

    /** One answer of a ticket with the question's labels (and the choice's names) for people to read. */
    public record Answer(String code, String labelZh, String labelEn, String datatype, String value, String valueZh,
                         String valueEn) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public CategoryQuestionService(EntityManager em, AuditTrail audit, Outbox outbox, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<QuestionSet> all() {
        return CategoryQuestionSet.current().stream().map(CategoryQuestionService::set).toList();
    }

    @Transactional
    public QuestionSet of(String categoryCode) {
        if (DispatchRule.currentFor(categoryCode).isEmpty()) {
            throw ProblemException.notFound("派单目录中没有该类别 / no category " + categoryCode);
        }
        return CategoryQuestionSet.currentFor(categoryCode).map(CategoryQuestionService::set)
                .orElse(new QuestionSet(categoryCode, 0, List.of(), null, null));
    }

    @Transactional
    public List<QuestionSet> versions(String categoryCode) {
        return CategoryQuestionSet.versions(categoryCode).stream().map(CategoryQuestionService::set).toList();
    }

    /** A new version of the category's questions replaces the current one and is announced with it. */
    @Transactional
    public QuestionSet save(String categoryCode, List<CategoryQuestion> questions, Actor actor) {
        if (DispatchRule.currentFor(categoryCode).isEmpty()) {
            throw ProblemException.notFound("派单目录中没有该类别 / no category " + categoryCode);
        }
        Map<String, String> problems = QuestionRules.problems(questions);
        if (!problems.isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            problems.forEach((field, message) -> errors.add(new Problem.FieldError(field, message)));
            throw new ProblemException(400, "Invalid request", errors.get(0).message(), errors, null);
        }
        Integer last = em.createQuery("select max(s.version) from CategoryQuestionSet s where s.categoryCode = ?1",
                Integer.class).setParameter(1, categoryCode).getSingleResult();
        CategoryQuestionSet.update("currentSet = false where categoryCode = ?1 and currentSet = true", categoryCode);
        em.flush();
        CategoryQuestionSet s = new CategoryQuestionSet();
        s.categoryCode = categoryCode;
        s.version = last == null ? 1 : last + 1;
        s.questions = CategoryQuestionJson.write(questions);
        s.currentSet = true;
        s.createdAt = clock.instant();
        s.createdBy = actor.name();
        s.announcedAt = s.createdAt;
        s.persist();
        audit.record(actor, "category_questions", categoryCode, "NEW_VERSION", null,
                Map.of("version", s.version, "questions", questions));
        outbox.publish(new CategoryQuestionsChanged(categoryCode, s.version, questions, s.createdAt));
        return set(s);
    }

    /**
     * The seeded sets (and any a crashed start left unannounced) go out once: followers start from the same state
     * the catalogue holds. Two replicas starting together may both send one; the version makes the copy harmless.
     */
    @Transactional
    void announceOnStart(@Observes StartupEvent start) {
        List<CategoryQuestionSet> pending = CategoryQuestionSet.list("currentSet = true and announcedAt is null");
        Instant now = clock.instant();
        for (CategoryQuestionSet s : pending) {
            outbox.publish(new CategoryQuestionsChanged(s.categoryCode, s.version, CategoryQuestionJson.questions(s.questions), now));
            s.announcedAt = now;
        }
        if (!pending.isEmpty()) {
            LOG.infof("announced the questions of %d categories", pending.size());
        }
    }

    /**
     * The answers checked against the category's current questions, as they are stored and travel.
     *
     * @throws ProblemException 400 naming {@code attributes.<code>} for the first refused answer (all are listed)
     */
    @Transactional
    public Map<String, String> checked(String categoryCode, Map<String, String> given) {
        List<CategoryQuestion> questions = CategoryQuestionSet.currentFor(categoryCode)
                .map(s -> CategoryQuestionJson.questions(s.questions)).orElse(List.of());
        return CategoryQuestionJson.checked(questions, given, true);
    }

    /** A ticket's answers with the labels of its category's current questions; unknown codes keep their code. */
    public static List<Answer> labelled(Ticket t) {
        Map<String, String> answers = answers(t);
        if (answers == null || answers.isEmpty()) {
            return List.of();
        }
        Map<String, CategoryQuestion> byCode = new LinkedHashMap<>();
        CategoryQuestionSet.currentFor(t.categoryCode)
                .ifPresent(s -> CategoryQuestionJson.questions(s.questions).forEach(q -> byCode.put(q.code(), q)));
        List<Answer> out = new ArrayList<>();
        for (CategoryQuestion q : byCode.values()) {
            String v = answers.get(q.code());
            if (v != null) {
                CategoryQuestion.Choice c = q.values().stream().filter(x -> x.key().equals(v)).findFirst().orElse(null);
                out.add(new Answer(q.code(), q.labelZh(), q.labelEn(), q.datatype(), v,
                        c == null ? v : c.nameZh(), c == null ? v : c.nameEn()));
            }
        }
        answers.forEach((code, v) -> {
            if (!byCode.containsKey(code)) {
                out.add(new Answer(code, code, code, CategoryQuestion.TEXT, v, v, v));
            }
        });
        return out;
    }

    private static QuestionSet set(CategoryQuestionSet s) {
        return new QuestionSet(s.categoryCode, s.version, CategoryQuestionJson.questions(s.questions), s.createdAt,
                s.createdBy);
    }

    public static String toJson(Map<String, String> answers) {
        return CategoryQuestionJson.answersJson(answers);
    }

    /** A ticket's answers; null when it has none. */
    public static Map<String, String> answers(Ticket t) {
        return t.attributes == null ? null : CategoryQuestionJson.answers(t.attributes);
    }
}
