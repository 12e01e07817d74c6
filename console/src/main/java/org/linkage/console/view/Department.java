package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

/** A unit (承办单位) of the router's reference data: its names, level, where it is and how tickets reach it. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Department(String code, String nameZh, String nameEn, String level, String parentCode,
                         String districtCode, String adapter, String endpointUrl, Boolean active, String updatedAt,
                         String updatedBy) implements Named {
}
