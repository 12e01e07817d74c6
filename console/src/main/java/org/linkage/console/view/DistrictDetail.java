package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import org.linkage.console.client.Named;

import java.util.List;

/** A district of the router's reference data (its one owner), with the streets and aliases that place a call in it. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record DistrictDetail(String code, String nameZh, String nameEn, String city, Boolean active,
                             List<String> streets, List<String> aliases) implements Named {
}
