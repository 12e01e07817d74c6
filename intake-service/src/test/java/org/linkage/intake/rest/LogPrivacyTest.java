package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/** Phone numbers never reach the log, whatever is logged around a call. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class LogPrivacyTest {

    @Test
    void aCallsPhoneNumberIsNeverLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (record.getParameters() != null) {
                    message += " " + java.util.Arrays.toString(record.getParameters());
                }
                lines.add(message);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String phone = "1370000" + String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
            UUID id = CallFixtures.post(with(with(call(CallFixtures.WAGES), "confirm", true), "callerPhone", phone));
            given().when().get("/api/calls/{id}/contact", id).then().statusCode(200);
            given().contentType("application/json").body(with(call("x"), "callerPhone", phone + "9"))
                    .when().post("/api/calls").then().statusCode(400);
            assertTrue(lines.stream().anyMatch(l -> l.contains("taken by")), "the call itself was logged: " + lines);
            assertFalse(lines.stream().anyMatch(l -> l.contains(phone.substring(3))), "a phone number reached the log");
        } finally {
            root.removeHandler(capture);
        }
    }
}
