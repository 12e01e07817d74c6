package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The router's answer to a lifecycle action: the ticket it acted on and the status that followed (the ticket's,
 * or the clock request's for pause, park, terminate and their decision). The console redirects to the ticket's page
 * and reads it there, so nothing else of the answer is needed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TicketActionResult(String ticketNumber, String status) {
}
