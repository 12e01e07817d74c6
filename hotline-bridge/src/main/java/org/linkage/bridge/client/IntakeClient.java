package org.linkage.bridge.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Intake's classifier, guarded like every service call (a preview writes nothing, so retrying is safe). */
@ApplicationScoped
public class IntakeClient {
    private final IntakeApi api;

    public IntakeClient(@RestClient IntakeApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = UpstreamUnavailableException.class)
    @Timeout(3_000)
    public IntakeApi.Preview preview(String text, String title) {
        return UpstreamErrors.call("intake", () -> api.preview(new IntakeApi.PreviewRequest(text, title)));
    }
}
