package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;

/** No endpoint answers without a valid token, and a role only reaches what it is for. */
class AuthenticationE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @ParameterizedTest(name = "{0} {1} without a token → 401")
    @CsvSource({
            "intake-service, /api/calls",
            "intake-service, /api/police-transfers",
            "intake-service, /api/police-transfers/stream",
            "router-service, /api/tickets",
            "hotline-bridge, /api/deliveries",
    })
    void withoutTokenIsUnauthorized(String service, String path) {
        given().get(RunningStack.get().serviceUrl(service) + path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} with a forged token → 401")
    @CsvSource({
            "intake-service, /api/calls",
            "router-service, /api/tickets",
    })
    void withForgedTokenIsUnauthorized(String service, String path) {
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtYWxsb3J5IiwicmVhbG1fYWNjZXNzIjp7InJvbGVzIjpbInN1cGVydmlzb3IiXX19.c2lnbmF0dXJl";
        given().auth().oauth2(forged).get(RunningStack.get().serviceUrl(service) + path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "intake-service, /api/statistics/overrides, calltaker1, 403",
            "intake-service, /api/statistics/overrides, supervisor1, 200",
            "intake-service, /api/calls, calltaker1, 200",
            "router-service, /api/tickets, calltaker1, 403",
    })
    void roleDecides(String service, String path, String user, int status) {
        given().auth().oauth2(Tokens.of(user)).get(RunningStack.get().serviceUrl(service) + path)
                .then().statusCode(status);
    }
}
