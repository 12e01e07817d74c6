package org.linkage.router.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.linkage.router.client.HttpReceiptGateway;
import org.linkage.router.client.LogReceiptGateway;
import org.linkage.router.domain.ReceiptGateway;
import org.linkage.router.domain.Receipts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;

/** Builds the receipt rules from their templates and picks the gateway adapter named in configuration. */
@ApplicationScoped
public class ReceiptProducer {
    static final String TEMPLATES = "receipts/templates.properties";

    @Produces
    @ApplicationScoped
    Receipts receipts() {
        Properties templates = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TEMPLATES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + TEMPLATES);
            }
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Receipts(templates);
    }

    @Produces
    @ApplicationScoped
    ReceiptGateway gateway(ReceiptConfig config, ObjectMapper json, Clock clock) {
        return switch (config.adapter()) {
            case "log" -> new LogReceiptGateway();
            case "http" -> new HttpReceiptGateway(
                    URI.create(config.http().url().orElseThrow(() -> new IllegalStateException(
                            "linkage.receipts.adapter=http needs linkage.receipts.http.url"))),
                    config.http().key().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                            "linkage.receipts.adapter=http needs linkage.receipts.http.key (the gateway's HMAC key)")),
                    config.http().timeout(), json, clock);
            default -> throw new IllegalStateException("linkage.receipts.adapter must be log or http, not "
                    + config.adapter());
        };
    }
}
