package org.linkage.console.client;

import io.quarkus.qute.TemplateData;

/** A district intake accepts as districtCode (GET /api/districts), as the router last announced it. */
@TemplateData
public record District(String code, String nameZh, String nameEn) implements Named {
}
