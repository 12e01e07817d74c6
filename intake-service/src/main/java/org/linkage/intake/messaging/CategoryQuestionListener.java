package org.linkage.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.commons.questions.CategoryQuestionJson;
import org.linkage.events.CategoryQuestionsChanged;
import org.linkage.events.EventTypes;
import org.linkage.intake.repository.AnnouncedCategoryQuestions;
import org.linkage.intake.repository.AnnouncedCategoryQuestionsRepository;
import org.linkage.intake.service.CategoryQuestionDirectory;

/**
 * Follows the router's category questions (linkage.categories), as {@link DistrictListener} follows its districts:
 * the highest version announced for a category is what intake asks and checks.
 */
@ApplicationScoped
public class CategoryQuestionListener implements InboxConsumer {
    private static final Logger LOG = Logger.getLogger(CategoryQuestionListener.class);
    static final String CONSUMER = "intake-categories";

    private final Inbox inbox;
    private final AnnouncedCategoryQuestionsRepository announced;
    private final CategoryQuestionDirectory directory;

    public CategoryQuestionListener(Inbox inbox, AnnouncedCategoryQuestionsRepository announced,
                                    CategoryQuestionDirectory directory) {
        this.inbox = inbox;
        this.announced = announced;
        this.directory = directory;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    @Incoming("categories")
    @Blocking
    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.CATEGORY_QUESTIONS_CHANGED, CategoryQuestionsChanged.class,
                (event, c) -> apply(c));
    }

    void apply(CategoryQuestionsChanged c) {
        AnnouncedCategoryQuestions a = announced.findById(c.categoryCode());
        if (a != null && c.version() <= a.version) {
            return; // a repeat, or an older version arriving late: never undoes a newer one
        }
        if (a == null) {
            a = new AnnouncedCategoryQuestions();
            a.categoryCode = c.categoryCode();
        }
        a.version = c.version();
        a.questions = CategoryQuestionJson.write(c.questions());
        a.changedAt = c.at() != null ? c.at() : java.time.Instant.now();
        announced.persist(a);
        LOG.infof("questions of %s v%d announced by the router (%d)", c.categoryCode(), c.version(), c.questions().size());
    }
}
