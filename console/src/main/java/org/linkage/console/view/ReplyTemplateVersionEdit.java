package org.linkage.console.view;

/** One saved version of a reply template, as the edit page lists them (oldest first). */
public record ReplyTemplateVersionEdit(int version, String titleZh, String bodyZh, boolean active, String savedAt,
                                       String savedBy) {
}
