package org.linkage.intake.service;

import org.linkage.intake.domain.Channel;
import org.linkage.events.Urgency;

import java.time.Instant;

/**
 * A call as submitted, already validated for shape by the REST layer.
 *
 * @param confirm       the one-click transfer: the call-taker accepts the suggestion as it stands
 * @param incidentNumber set for an officer's hand-over from a police incident
 * @param categoryCode  set when the submitter already knows the category (officer hand-over)
 * @param receiptsOptOut the caller asked for no text-message receipts about the case
 * @param confidential  the caller asked that the department not learn who they are (保密)
 * @param attributes    answers to the category's questions, checked against the category the call is referred under
 */
public record NewCall(Channel channel, String callerPhone, String callerName, String address, String districtCode,
                      Double latitude, Double longitude, String title, String content, Instant receivedAt,
                      Urgency urgency, boolean confirm, String incidentNumber, String categoryCode,
                      boolean receiptsOptOut, boolean confidential,
                      // left out of the request fingerprint when empty, so a retry of a call made before the
                      // questions existed still matches it
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                      java.util.Map<String, String> attributes) {
}
