package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/**
 * A ticket that may be the same matter as another, as the router finds it; on the merge form, with the other
 * ticket's own words and place beside it when this reader may open it ({@link #beside}).
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record DuplicateCandidate(String ticketNumber, String status, Double similarity, String place,
                                 String createdAt, String content, String address, Ticket.Unit leadDepartment) {
    /** This candidate with the words, address and lead unit of the ticket it names. */
    public DuplicateCandidate beside(Ticket other) {
        return new DuplicateCandidate(ticketNumber, status, similarity, place, createdAt, other.content(),
                other.address(), other.leadDepartment());
    }
}
