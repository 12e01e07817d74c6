package org.linkage.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Real access tokens from the stack's Keycloak, by the password grant for the demo users. */
final class Tokens {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    static String of(String username) {
        return CACHE.computeIfAbsent(username, u -> given()
                .formParam("client_id", "linkage-console")
                .formParam("grant_type", "password")
                .formParam("username", u)
                .formParam("password", "linkage")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    static String service(String clientId) {
        return CACHE.computeIfAbsent("client:" + clientId, c -> given()
                .formParam("client_id", clientId)
                .formParam("client_secret", clientId + "-secret")
                .formParam("grant_type", "client_credentials")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }
}
