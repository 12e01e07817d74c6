package org.linkage.bridge.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two forms of a GeoReport body name and order its fields alike, as 311 clients parse them by the spec. */
class Open311RendererTest {
    private final Open311Renderer render = new Open311Renderer(new ObjectMapper());

    @Test
    void aFiledRequestIsWrittenWithTheSpecsNamesInTheSpecsOrderInBothForms() {
        List<Open311Views.Filed> body = List.of(new Open311Views.Filed("12345-20261202-000001", null, "已受理 & <ok>", null));
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
                        + "<service_request_id>12345-20261202-000001</service_request_id>"
                        + "<service_notice>已受理 &amp; &lt;ok&gt;</service_notice><account_id/></request></service_requests>",
                render.list("xml", 201, "service_requests", "request", body).getEntity());
        assertEquals("[{\"service_request_id\":\"12345-20261202-000001\",\"service_notice\":\"已受理 & <ok>\","
                + "\"account_id\":null}]", render.list("json", 201, "service_requests", "request", body).getEntity());
    }

    @Test
    void aDefinitionRepeatsItsAttributesAndValuesAsItemsAndLeavesOutValuesAQuestionHasNot() {
        Open311Views.Definition d = new Open311Views.Definition("WAGES", List.of(
                new Open311Views.Attribute(true, "employer", "string", true, "文字 / text", 1, "用人单位 / Employer", null),
                new Open311Views.Attribute(true, "kind", "singlevaluelist", false, "选择", 2, "类型 / Kind",
                        List.of(new Open311Views.Value("a", "甲 A")))));
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_definition><service_code>WAGES</service_code>"
                        + "<attributes><attribute><variable>true</variable><code>employer</code><datatype>string</datatype>"
                        + "<required>true</required><datatype_description>文字 / text</datatype_description><order>1</order>"
                        + "<description>用人单位 / Employer</description></attribute>"
                        + "<attribute><variable>true</variable><code>kind</code><datatype>singlevaluelist</datatype>"
                        + "<required>false</required><datatype_description>选择</datatype_description><order>2</order>"
                        + "<description>类型 / Kind</description><values><value><key>a</key><name>甲 A</name></value>"
                        + "</values></attribute></attributes></service_definition>",
                render.object("xml", "service_definition", d).getEntity());
        assertEquals("{\"service_code\":\"WAGES\",\"attributes\":[{\"variable\":true,\"code\":\"employer\","
                        + "\"datatype\":\"string\",\"required\":true,\"datatype_description\":\"文字 / text\",\"order\":1,"
                        + "\"description\":\"用人单位 / Employer\"},{\"variable\":true,\"code\":\"kind\","
                        + "\"datatype\":\"singlevaluelist\",\"required\":false,\"datatype_description\":\"选择\",\"order\":2,"
                        + "\"description\":\"类型 / Kind\",\"values\":[{\"key\":\"a\",\"name\":\"甲 A\"}]}]}",
                render.object("json", "service_definition", d).getEntity());
    }

    @Test
    void aRequestsLongitudeIsNamedLongAndItsEmptyFieldsAreWrittenEmpty() {
        Open311Views.Request r = new Open311Views.Request("N1", "open", null, "道路", "ROADS", "坑", null, null,
                "2026-12-02T08:00:00+08:00", null, null, "武侯区", null, null, 30.5702, 104.0665, null);
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request>"
                        + "<service_request_id>N1</service_request_id><status>open</status><status_notes/>"
                        + "<service_name>道路</service_name><service_code>ROADS</service_code><description>坑</description>"
                        + "<agency_responsible/><service_notice/><requested_datetime>2026-12-02T08:00:00+08:00"
                        + "</requested_datetime><updated_datetime/><expected_datetime/><address>武侯区</address>"
                        + "<address_id/><zipcode/><lat>30.5702</lat><long>104.0665</long><media_url/></request>"
                        + "</service_requests>",
                render.list("xml", 200, "service_requests", "request", List.of(r)).getEntity());
        assertEquals("[{\"service_request_id\":\"N1\",\"status\":\"open\",\"status_notes\":null,\"service_name\":\"道路\","
                        + "\"service_code\":\"ROADS\",\"description\":\"坑\",\"agency_responsible\":null,"
                        + "\"service_notice\":null,\"requested_datetime\":\"2026-12-02T08:00:00+08:00\","
                        + "\"updated_datetime\":null,\"expected_datetime\":null,\"address\":\"武侯区\",\"address_id\":null,"
                        + "\"zipcode\":null,\"lat\":30.5702,\"long\":104.0665,\"media_url\":null}]",
                render.list("json", 200, "service_requests", "request", List.of(r)).getEntity());
    }
}
