package org.linkage.intake.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and shortcuts shared by the REST tests. */
public final class CallFixtures {
    public static final String WAGES = "我在工地干了三个月活，老板一直拖欠工资不给，两万多块";
    public static final String KNIFE = "有人拿刀在小区门口打人，已经有人流血了";
    public static final String NOISE = "楼上装修噪音太大了，晚上十一点还在砸墙，吵得没法睡觉";

    private CallFixtures() {
    }

    /** A complete, valid call; tests change what they are about. */
    public static Map<String, Object> call(String content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("callerPhone", "13812345678");
        body.put("callerName", "张三");
        body.put("address", "武侯区天府大道北段1700号");
        body.put("districtCode", "510107");
        body.put("latitude", 30.5702);
        body.put("longitude", 104.0647);
        body.put("content", content);
        body.put("receivedAt", "2026-11-28T09:30:00+08:00");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    /** Posts a call as the test's identity and returns its id. */
    public static UUID post(Map<String, Object> body) {
        return UUID.fromString(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/calls")
                .then().statusCode(201)
                .extract().path("id"));
    }

    /** Posts a one-click transfer (confirmed at once) and returns the created call as the API showed it. */
    public static ExtractableResponse<Response> postConfirmed(String content) {
        return given().contentType(ContentType.JSON).body(with(call(content), "confirm", true))
                .when().post("/api/calls")
                .then().statusCode(201)
                .extract();
    }

    /** A marker unique to one test run, to find exactly the calls a test made. */
    public static String marker() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }
}
