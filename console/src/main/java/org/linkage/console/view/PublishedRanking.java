package org.linkage.console.view;

/**
 * One published version of a month's ranking report (月度考核排名通报), as the router lists it; {@code latest} marks the
 * version in force for its month.
 */
public record PublishedRanking(String id, String month, int version, boolean latest, String reason,
                               String publishedBy, String publishedAt) {
}
