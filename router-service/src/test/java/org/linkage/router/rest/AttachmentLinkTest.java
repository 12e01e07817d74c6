package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.evidence.SignedLinks;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.AttachmentService;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.files.Evidence;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 part 1: expiring signed links to a ticket's attachments, for systems that have no account here. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AttachmentLinkTest {
    @Inject
    Fixtures fixtures;
    @Inject
    AttachmentService attachments;
    @Inject
    SignedLinks links;

    private AttachmentService.View attach(Ticket t, byte[] pdf) {
        return QuarkusTransaction.requiringNew().call(() -> attachments.upload(t.ticketNumber,
                Fixtures.agent(t.leadDepartmentCode), "工资表.pdf", pdf));
    }

    /** The link's path and query, asked of this test's server without any token. */
    private static Response open(String url) {
        URI u = URI.create(url);
        return RestAssured.given().urlEncodingEnabled(false).get(u.getRawPath() + "?" + u.getRawQuery());
    }

    @Test
    @TestSecurity(user = "service-account-hotline-bridge", roles = "service:bridge")
    void aLinkOpensItsOneFileWithoutATokenUntilItExpires() {
        Ticket t = fixtures.signed();
        byte[] pdf = Evidence.pdf(2_500);
        AttachmentService.View v = attach(t, pdf);
        AttachmentService.View other = attach(t, Evidence.pdf(1_500));

        Response listed = RestAssured.given().get("/api/integration/tickets/" + t.ticketNumber + "/attachment-links");
        listed.then().statusCode(200).body("", hasSize(2)).body("[0].id", equalTo(v.id().toString()))
                .body("[0].fileName", equalTo("工资表.pdf"));
        String url = listed.jsonPath().getString("[0].url");
        Instant expiresAt = Instant.parse(listed.jsonPath().getString("[0].expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(6))), "valid for the configured 7 days");

        Response served = open(url);
        served.then().statusCode(200).contentType("application/pdf").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment;"));
        assertArrayEquals(pdf, served.asByteArray());

        // Tampered: another signature, the same signature for another file, a later expiry.
        String sig = url.substring(url.indexOf("signature=") + "signature=".length());
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        open(url.replace(sig, flipped)).then().statusCode(403).contentType("application/problem+json");
        open(url.replace(v.id().toString(), other.id().toString())).then().statusCode(403);
        long expires = expiresAt.getEpochSecond();
        open(url.replace("expires=" + expires, "expires=" + (expires + 86_400))).then().statusCode(403);
        open(url.replace("expires=" + expires, "expires=soon")).then().statusCode(400)
                .body("errors[0].field", equalTo("expires"));
    }

    @Test
    void aLinkPastItsExpiryIsRefusedAndAnUnknownFileIsNotFound() {
        Ticket t = fixtures.signed();
        AttachmentService.View v = attach(t, Evidence.pdf(2_000));
        // Signed correctly, an hour ago, for half an hour.
        SignedLinks.Signed past = links.sign(v.id(), Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(30));
        RestAssured.given().urlEncodingEnabled(false).get("/links/attachments/" + v.id() + "?" + past.query()).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("expired"));
        SignedLinks.Signed fresh = links.sign(v.id(), Instant.now(), Duration.ofMinutes(30));
        RestAssured.given().urlEncodingEnabled(false).get("/links/attachments/" + v.id() + "?" + fresh.query()).then()
                .statusCode(200);
        UUID gone = UUID.randomUUID();
        SignedLinks.Signed forGone = links.sign(gone, Instant.now(), Duration.ofMinutes(30));
        RestAssured.given().urlEncodingEnabled(false).get("/links/attachments/" + gone + "?" + forGone.query()).then()
                .statusCode(404);
        // The bridge's link list is not for anyone without its role.
        RestAssured.given().get("/api/integration/tickets/" + t.ticketNumber + "/attachment-links").then().statusCode(401);
    }
}
