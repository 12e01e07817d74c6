package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A published, currently valid knowledge-base article the router found for a search or suggested for what a caller
 * said, best first.
 *
 * @param matched the keywords that matched what was said
 * @param chosen  the console's own mark, never the router's: the person ticked it on a form shown again
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnowledgeHit(long id, int version, String titleZh, String titleEn, String categoryCode,
                           String departmentCode, List<String> keywords, String excerpt, Double score,
                           List<String> matched, boolean chosen) {
    /** This hit, ticked or not. */
    public KnowledgeHit chosen(boolean ticked) {
        return new KnowledgeHit(id, version, titleZh, titleEn, categoryCode, departmentCode, keywords, excerpt, score,
                matched, ticked);
    }
}
