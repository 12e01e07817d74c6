package org.linkage.console.client;

import io.quarkus.qute.TemplateData;

/** A category of intake's taxonomy (GET /api/categories), as the forms list it; police ones never go to 12345. */
@TemplateData
public record Category(String code, String nameZh, String nameEn, String domain, boolean police) implements Named {
}
