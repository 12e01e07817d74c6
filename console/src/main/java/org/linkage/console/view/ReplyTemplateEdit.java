package org.linkage.console.view;

/** A reply template (答复模板) as its unit edits it: the current text and version of one category's ready answer. */
public record ReplyTemplateEdit(long id, String departmentCode, String categoryCode, String titleZh, String bodyZh,
                                int version, boolean active, String updatedAt, String updatedBy) {
}
