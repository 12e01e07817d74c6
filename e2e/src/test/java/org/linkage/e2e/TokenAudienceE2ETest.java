package org.linkage.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 10, item 7: a service takes a token only when it was meant for it (its audience) and issued to a client
 * that calls it (azp); the bridge's service role is its own and reaches only what the bridge needs. The tokens
 * here are real ones from the stack's Keycloak, of real users and clients, refused only for whom they were issued to.
 */
class TokenAudienceE2ETest {
    private static String kc;

    @BeforeAll
    static void stack() {
        RunningStack.get();
        kc = RunningStack.get().keycloak().url();
    }

    @Test
    void aUsersTokenFromAnotherClientOfTheRealmIsRefused() {
        // admin-cli is in every Keycloak realm and issues password-grant tokens to any user
        String calltaker = password("admin-cli", "calltaker1");
        given().auth().oauth2(calltaker).get(url("intake-service", "/api/calls")).then().statusCode(401);
        String supervisor = password("admin-cli", "supervisor1");
        given().auth().oauth2(supervisor).get(url("router-service", "/api/tickets")).then().statusCode(401);
        given().auth().oauth2(supervisor).get(url("hotline-bridge", "/api/deliveries")).then().statusCode(401);
        // the same users through the console's client are served
        given().auth().oauth2(Tokens.of("calltaker1")).get(url("intake-service", "/api/calls")).then().statusCode(200);
        given().auth().oauth2(Tokens.of("supervisor1")).get(url("router-service", "/api/tickets")).then().statusCode(200);
    }

    @Test
    void aClientGivenTheAudienceAndARoleButNotNamedByTheServiceIsRefused() {
        String admin = given().formParam("client_id", "admin-cli").formParam("grant_type", "password")
                .formParam("username", "admin").formParam("password", "admin")
                .post(kc + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        String clientId = "reporting-" + UUID.randomUUID().toString().substring(0, 8);
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                        "clientId", clientId, "publicClient", false, "secret", clientId + "-secret",
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                        "protocolMappers", List.of(Map.of("name", "audience intake-service", "protocol", "openid-connect",
                                "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                        "included.client.audience", "intake-service", "access.token.claim", "true")))))
                .post(kc + "/admin/realms/linkage/clients").then().statusCode(201).extract().header("Location");
        String user = given().auth().oauth2(admin).get(location + "/service-account-user").then().statusCode(200)
                .extract().path("id");
        Map<String, Object> supervisor = given().auth().oauth2(admin).get(kc + "/admin/realms/linkage/roles/supervisor")
                .then().statusCode(200).extract().as(Map.class);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(supervisor))
                .post(kc + "/admin/realms/linkage/users/" + user + "/role-mappings/realm").then().statusCode(204);

        String token = given().formParam("client_id", clientId).formParam("client_secret", clientId + "-secret")
                .formParam("grant_type", "client_credentials")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        // intake-service is in its audience and it holds supervisor: only the client it was issued to is wrong
        given().auth().oauth2(token).get(url("intake-service", "/api/statistics/overrides")).then().statusCode(401);
        given().auth().oauth2(Tokens.of("supervisor1")).get(url("intake-service", "/api/statistics/overrides"))
                .then().statusCode(200);
    }

    @Test
    void theBridgesTokenReachesOnlyTheServicesItCalls() {
        String bridge = Tokens.service("hotline-bridge");
        given().auth().oauth2(bridge).contentType(ContentType.JSON).body(Map.of("text", "楼上装修噪音一直不停"))
                .post(url("intake-service", "/api/classifications/preview")).then().statusCode(200)
                .body("disposition", not(equalTo("POLICE")));
        // not meant for the bridge itself, and the role is the bridge's alone: none of the people's endpoints
        given().auth().oauth2(bridge).get(url("hotline-bridge", "/api/deliveries")).then().statusCode(401);
        given().auth().oauth2(bridge).get(url("intake-service", "/api/calls")).then().statusCode(403);
        given().auth().oauth2(bridge).get(url("router-service", "/api/tickets")).then().statusCode(403);
    }

    @Test
    void theRouterCallsNoOneAndHasNoClientCredentials() {
        given().formParam("client_id", "router-service").formParam("client_secret", "router-service-secret")
                .formParam("grant_type", "client_credentials")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(not(equalTo(200)));
    }

    /** Intake's own token (it reads a caller's 12345 history) opens that one door of the router and no other. */
    @Test
    void intakesServiceTokenReadsCallerHistoryAndNothingElseOfTheRouter() {
        String token = given().formParam("client_id", "intake-service").formParam("client_secret", "intake-service-secret")
                .formParam("grant_type", "client_credentials")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get(url("router-service", "/api/tickets")).then().statusCode(403);
    }

    private static String password(String client, String user) {
        return given().formParam("client_id", client).formParam("grant_type", "password")
                .formParam("username", user).formParam("password", "linkage")
                .post(RunningStack.get().keycloak().realmUrl() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    private static String url(String service, String path) {
        return RunningStack.get().serviceUrl(service) + path;
    }
}
