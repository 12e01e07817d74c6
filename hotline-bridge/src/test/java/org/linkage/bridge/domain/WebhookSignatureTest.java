package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final long TS = NOW.getEpochSecond();
    private static final String BODY = "{\"ticketNumber\":\"12345-20261128-000001\"}";

    @Test
    void matchesTheWorkedExampleInTheDocs() {
        // docs/webhook-signing.md gives these values (computed there with Python's hmac module):
        // a department implementing the receiver checks its code against the same example.
        String body = "{\"ticketNumber\":\"12345-20261128-000001\",\"version\":1}";
        assertEquals("e96d45a9d4eb597f993ab810913a561b5ef5041cd6c17b8dc4a346870b14bce8",
                WebhookSignature.sign("dev-hrss-key-2026", 1795852800L, body));
        assertEquals("v1=e96d45a9d4eb597f993ab810913a561b5ef5041cd6c17b8dc4a346870b14bce8,"
                        + "v1=c1358d62ce1bf790b8310c7a72432a602c27160dc43b5625eafd27a6efd43df3",
                WebhookSignature.header(new SigningKeys("dev-hrss-key-2026", "dev-hrss-key-2025"), 1795852800L, body));
    }

    @Test
    void acceptsCurrentOrPreviousKey() {
        SigningKeys rotating = new SigningKeys("new", "old");
        String signedWithOld = "v1=" + WebhookSignature.sign("old", TS, BODY);
        String signedWithNew = "v1=" + WebhookSignature.sign("new", TS, BODY);
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(signedWithOld, "" + TS, BODY, rotating, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(signedWithNew, "" + TS, BODY, rotating, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE,
                WebhookSignature.verify(signedWithOld, "" + TS, BODY, new SigningKeys("new", null), NOW, WINDOW));
    }

    @Test
    void headerCarriesOneEntryPerKeyAndEitherVerifies() {
        String header = WebhookSignature.header(new SigningKeys("new", "old"), TS, BODY);
        assertEquals(2, header.split(",").length);
        assertEquals(WebhookSignature.Verdict.VALID,
                WebhookSignature.verify(header, "" + TS, BODY, new SigningKeys("old", null), NOW, WINDOW));
    }

    @Test
    void rejectsATamperedBodyOrTimestamp() {
        SigningKeys keys = new SigningKeys("k", null);
        String header = WebhookSignature.header(keys, TS, BODY);
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE,
                WebhookSignature.verify(header, "" + TS, BODY.replace("1", "2"), keys, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE,
                WebhookSignature.verify(header, "" + (TS + 1), BODY, keys, NOW, WINDOW));
    }

    @Test
    void rejectsTimestampsOutsideTheWindowEitherSide() {
        SigningKeys keys = new SigningKeys("k", null);
        long stale = TS - WINDOW.toSeconds() - 1;
        long future = TS + WINDOW.toSeconds() + 1;
        assertEquals(WebhookSignature.Verdict.STALE, WebhookSignature.verify(
                WebhookSignature.header(keys, stale, BODY), "" + stale, BODY, keys, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.STALE, WebhookSignature.verify(
                WebhookSignature.header(keys, future, BODY), "" + future, BODY, keys, NOW, WINDOW));
        long edge = TS - WINDOW.toSeconds();
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verify(
                WebhookSignature.header(keys, edge, BODY), "" + edge, BODY, keys, NOW, WINDOW));
    }

    @Test
    void classifiesMissingAndMalformedHeaders() {
        SigningKeys keys = new SigningKeys("k", null);
        assertEquals(WebhookSignature.Verdict.MISSING, WebhookSignature.verify(null, "" + TS, BODY, keys, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.MISSING, WebhookSignature.verify("v1=ab", " ", BODY, keys, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.MALFORMED, WebhookSignature.verify("v1=ab", "yesterday", BODY, keys, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.MALFORMED, WebhookSignature.verify("v0=ab", "" + TS, BODY, keys, NOW, WINDOW));
    }

    @Test
    void keySpecParsesRotationAndRefusesTypos() {
        var keys = SigningKeys.parse("CD-HRSS=a|b; CD-ECO=c ;");
        assertEquals(new SigningKeys("a", "b"), keys.get("CD-HRSS"));
        assertEquals(new SigningKeys("c", null), keys.get("CD-ECO"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse("CD-HRSS"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeys.parse("CD-HRSS="));
        assertTrue(!keys.get("CD-HRSS").toString().contains("a|"), "toString must not reveal secrets");
    }

    @Test
    void deliveriesMatchTheV2WorkedExampleInTheDocs() {
        // docs/webhook-signing.md, section 2 (computed there with Python's hmac module).
        String body = "{\"ticketNumber\":\"12345-20261128-000001\",\"version\":1}";
        assertEquals("v2=5018459202eda9e2f6909a392d937a0ee66f633f966b6b3f4ca527b3d3966fc0,"
                        + "v2=e327c54328ba1024f818ed61fd1e8d802f47434746bf9791126728fb8fe8a24e",
                WebhookSignature.deliveryHeader(new SigningKeys("dev-hrss-key-2026", "dev-hrss-key-2025"), 1795852800L,
                        "CD-HRSS", "https://hrss.example.gov.cn/linkage/tickets", body));
    }

    @Test
    void aDeliveryVerifiesOnlyForTheUnitAndUrlItWasSignedFor() {
        SigningKeys shared = new SigningKeys("default", null);
        String url = "https://gateway.example/departments/CD-HRSS/tickets";
        String header = WebhookSignature.deliveryHeader(shared, TS, "CD-HRSS", url, BODY);
        assertEquals(WebhookSignature.Verdict.VALID,
                WebhookSignature.verifyDelivery(header, "" + TS, "CD-HRSS", url, BODY, shared, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE,
                WebhookSignature.verifyDelivery(header, "" + TS, "CD-EDU", url, BODY, shared, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.BAD_SIGNATURE, WebhookSignature.verifyDelivery(header, "" + TS, "CD-HRSS",
                "https://gateway.example/departments/CD-EDU/tickets", BODY, shared, NOW, WINDOW));
        // The schemes do not stand in for each other: a v1 signature is no delivery signature, nor the reverse.
        assertEquals(WebhookSignature.Verdict.MALFORMED, WebhookSignature.verifyDelivery(
                WebhookSignature.header(shared, TS, BODY), "" + TS, "CD-HRSS", url, BODY, shared, NOW, WINDOW));
        assertEquals(WebhookSignature.Verdict.MALFORMED,
                WebhookSignature.verify(header, "" + TS, BODY, shared, NOW, WINDOW));
    }
}
