package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;
import org.linkage.testing.Management;
import org.linkage.testing.RawHttp;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

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
        expect("/api/tickets?page=0&text=%%%", "text");
        expect("/api/tickets?q=%E4%B8", "q");
        // the management interface (its own port) answers the same way
        RawHttp.assertProblemNaming(Management.port(), "/q/health?x=%zz", "x");
    }

    private void expect(String target, String field) {
        RawHttp.assertProblemNaming(base.getPort(), target, field);
    }
}
