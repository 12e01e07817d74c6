package org.linkage.events;

import java.time.Instant;
import java.util.List;

/**
 * The questions a category asks (分类必填项) as the router's catalogue now holds them: sent when a new version is
 * saved through its admin API, and once for every version no one was told of yet (the seeded ones) when the router
 * starts. The whole set travels every time, so the latest event of a category is its current state.
 *
 * @param version grows with every change of the category's questions; a receiver ignores an older one arriving late
 */
public record CategoryQuestionsChanged(String categoryCode, int version, List<CategoryQuestion> questions, Instant at)
        implements LinkageEvent {

    public CategoryQuestionsChanged {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    @Override
    public String topic() {
        return Topics.CATEGORIES;
    }

    @Override
    public String type() {
        return EventTypes.CATEGORY_QUESTIONS_CHANGED;
    }

    /** The category code: the latest event of a category is its current set of questions. */
    @Override
    public String key() {
        return categoryCode;
    }

    @Override
    public String subject() {
        return categoryCode;
    }
}
