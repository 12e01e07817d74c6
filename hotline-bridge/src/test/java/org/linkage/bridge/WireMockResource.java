package org.linkage.bridge;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A real HTTP server standing in for the systems around the bridge: department case systems, the
 * router and intake APIs, and the Keycloak token endpoint the bridge's OIDC client calls.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {
    public static final String SERVICE_TOKEN = "test-service-token";
    private static WireMockServer server;
    private static WireMockServer demoProxy;

    /** The server the directory names for CD-CULTURE, to be pointed at the demo receiver by a test. */
    public static WireMockServer demoProxy() {
        return demoProxy;
    }

    public static WireMockServer server() {
        return server;
    }

    public static String url(String path) {
        return server.baseUrl() + path;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        server.start();
        // In front of the bridge's own demo receiver: requests keep their Host (HTTP/1.1 only, so there always is one),
        // so the receiver behind it checks the URL the bridge signed.
        demoProxy = new WireMockServer(WireMockConfiguration.options().dynamicPort().preserveHostHeader(true)
                .http2PlainDisabled(true));
        demoProxy.start();
        stubTokenEndpoint();
        // the router's catalogue, as the bridge reads it for Open311 (no questions unless a test stubs some, at a
        // higher priority)
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/router/api/categories/questions"))
                .atPriority(10).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
        return Map.of(
                "linkage.test.wiremock-url", server.baseUrl(),
                // The bridge's directory: the departments the tests deliver to live on this server, any path below it
                // (each test uses paths of its own); every other unit is behind the stand-in gateway.
                "linkage.bridge.departments.endpoints", "CD-HRSS=WEBHOOK " + server.baseUrl() + "/*;CD-WATER=WEBHOOK "
                        + server.baseUrl() + "/*;CD-ECO=OPEN311 " + server.baseUrl() + "/*;CD-CULTURE=WEBHOOK "
                        + demoProxy.baseUrl() + "/*",
                "linkage.bridge.departments.default-endpoint", server.baseUrl() + "/gateway/departments/{code}/tickets",
                "quarkus.rest-client.router.url", server.baseUrl() + "/router",
                "quarkus.rest-client.intake.url", server.baseUrl() + "/intake",
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/linkage");
    }

    /** Tests reset stubs per scenario; the token stub must survive that. */
    public static void stubTokenEndpoint() {
        server.stubFor(post(urlPathEqualTo("/realms/linkage/protocol/openid-connect/token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (demoProxy != null) {
            demoProxy.stop();
        }
    }
}
