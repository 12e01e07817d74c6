package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.testing.Management;
import org.linkage.testing.RawHttp;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 13: a malformed percent-encoding in a query string answers problem+json (RFC 9457)
 * naming the parameter, not a bare empty 400.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MalformedQueryTest {
    @TestHTTPResource("/")
    java.net.URL base;

    @Test
    void aMalformedPercentEncodingNamesTheParameter() {
        expect("/api/calls?page=0&text=%%%", "text");
        expect("/api/calls?q=%E4%B8", "q");
        // the management interface (its own port) answers the same way
        expect(Management.port(), "/q/health?x=%zz", "x");
    }

    private void expect(String target, String field) {
        expect(base.getPort(), target, field);
    }

    private void expect(int port, String target, String field) {
        RawHttp.Response r = RawHttp.get(port, target);
        assertEquals(400, r.status(), target);
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                target + " answered " + r.contentType() + ": " + r.body());
        JsonPath problem = JsonPath.from(r.body());
        assertEquals(400, problem.getInt("status"));
        assertEquals(field, problem.getString("errors[0].field"));
    }
}
