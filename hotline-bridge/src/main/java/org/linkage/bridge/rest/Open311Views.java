package org.linkage.bridge.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The GeoReport v2 bodies. Names are the spec's element names, written by {@link Open311Renderer} to JSON (Jackson)
 * and to XML (components in declaration order, which is the order the spec lists them in). A component that is
 * {@code NON_NULL} is left out of both forms when it has no value; every other empty component is written empty
 * ({@code null} in JSON, {@code <name/>} in XML), as the spec's examples show.
 */
public final class Open311Views {
    private Open311Views() {
    }

    /** One entry of GET services. */
    public record Service(@JsonProperty("service_code") String serviceCode,
                          @JsonProperty("service_name") String serviceName,
                          String description, boolean metadata, String type, String keywords, String group) {
    }

    /** GET services/{code}: the questions of a service. */
    public record Definition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
    }

    /** One question of a service definition; {@code values} only for a single value list. */
    public record Attribute(boolean variable, String code, String datatype, boolean required,
                            @JsonProperty("datatype_description") String datatypeDescription, int order,
                            String description,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {
    }

    /** One value a single value list offers. */
    public record Value(String key, String name) {
    }

    /** What POST requests answers: the id when a ticket was made, else the token to ask about later. */
    public record Filed(@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("service_request_id") String serviceRequestId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
                        @JsonProperty("service_notice") String serviceNotice,
                        @JsonProperty("account_id") String accountId) {
    }

    /** GET tokens/{token}: the id once the request is filed. */
    public record Token(@JsonProperty("service_request_id") String serviceRequestId, String token,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("service_notice") String serviceNotice) {
    }

    /** One service request as GET requests shows it. */
    public record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                          @JsonProperty("status_notes") String statusNotes,
                          @JsonProperty("service_name") String serviceName,
                          @JsonProperty("service_code") String serviceCode, String description,
                          @JsonProperty("agency_responsible") String agencyResponsible,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("requested_datetime") String requestedDatetime,
                          @JsonProperty("updated_datetime") String updatedDatetime,
                          @JsonProperty("expected_datetime") String expectedDatetime,
                          String address, @JsonProperty("address_id") String addressId, String zipcode,
                          Double lat, @JsonProperty("long") Double lon,
                          @JsonProperty("media_url") String mediaUrl) {
    }

    /** One status change of the servicerequestupdates extension. */
    public record Update(@JsonProperty("update_id") String updateId,
                         @JsonProperty("service_request_id") String serviceRequestId, String status,
                         @JsonProperty("updated_datetime") String updatedDatetime, String description,
                         @JsonProperty("media_url") String mediaUrl) {
    }

    /** A GeoReport error. */
    public record Error(int code, String description) {
    }
}
