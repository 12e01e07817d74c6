package org.linkage.console.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.linkage.console.view.HolidayCalendar;

import java.util.List;
import java.util.function.Function;

/**
 * The three services, guarded. Reads are retried once on a transport failure; writes are not retried here
 * (a call submission carries an Idempotency-Key, so the person's own resubmit is safe, and a lifecycle
 * action answered 409 the second time would confuse). A refusal (4xx) is never retried and never opens the
 * breaker: it is the service's answer, shown to the person.
 */
@ApplicationScoped
public class Services {
    private final IntakeApi intake;
    private final RouterApi router;
    private final BridgeApi bridge;

    public Services(@RestClient IntakeApi intake, @RestClient RouterApi router, @RestClient BridgeApi bridge) {
        this.intake = intake;
        this.router = router;
        this.bridge = bridge;
    }

    @Retry(maxRetries = 1, delay = 100, retryOn = ServiceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(5_000)
    public <T> T readIntake(Function<IntakeApi, T> call) {
        return guarded("intake-service", intake, call);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(5_000)
    public <T> T writeIntake(Function<IntakeApi, T> call) {
        return guarded("intake-service", intake, call);
    }

    @Retry(maxRetries = 1, delay = 100, retryOn = ServiceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(8_000)
    public <T> T readRouter(Function<RouterApi, T> call) {
        return guarded("router-service", router, call);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(5_000)
    public <T> T writeRouter(Function<RouterApi, T> call) {
        return guarded("router-service", router, call);
    }

    /** A call's attachment: megabytes to send, and an image intake decodes and encodes anew, so more time. */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(30_000)
    public <T> T uploadIntake(Function<IntakeApi, T> call) {
        return guarded("intake-service", intake, call);
    }

    /** An attachment: megabytes to send, and an image the router decodes and encodes anew, so more time. */
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(30_000)
    public <T> T uploadRouter(Function<RouterApi, T> call) {
        return guarded("router-service", router, call);
    }

    @Retry(maxRetries = 1, delay = 100, retryOn = ServiceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(5_000)
    public <T> T readBridge(Function<BridgeApi, T> call) {
        return guarded("hotline-bridge", bridge, call);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5_000, failOn = ServiceUnavailable.class)
    @Timeout(5_000)
    public <T> T writeBridge(Function<BridgeApi, T> call) {
        return guarded("hotline-bridge", bridge, call);
    }

    /**
     * The router's calendar status (years loaded and missing). A warning, not a page's content: read outside the
     * breaker, and an unreachable router shows no warning rather than an error page.
     */
    @Timeout(3_000)
    public HolidayCalendar.Status routerCalendarStatus() {
        try {
            return router.calendarStatus();
        } catch (ServiceProblem | ProcessingException unavailable) {
            return new HolidayCalendar.Status(List.of(), List.of());
        }
    }

    /** The live hand-back stream is long-lived: it bypasses time-outs and is re-opened by the browser. */
    public IntakeApi intakeStream() {
        return intake;
    }

    private static <A, T> T guarded(String service, A api, Function<A, T> call) {
        try {
            return call.apply(api);
        } catch (ServiceProblem refusal) {
            if (refusal.status() >= 500) {
                throw new ServiceUnavailable(service, refusal.status() + " " + refusal.title(), refusal.body());
            }
            throw refusal;
        } catch (ProcessingException unreachable) {
            if (unreadable(unreachable)) {
                throw ServiceAnswerUnreadable.of(service, unreachable);
            }
            throw new ServiceUnavailable(service, String.valueOf(unreachable.getMessage()), java.util.Map.of());
        } catch (jakarta.ws.rs.WebApplicationException notJson) {
            // The REST client's own wrapping of an answer that is not JSON at all; a refusal (4xx/5xx) is a
            // ServiceProblem already (ProblemMapper), so this is a 2xx the console could not read.
            throw ServiceAnswerUnreadable.of(service, notJson);
        }
    }

    /** Whether the answer came but did not fit the record it is read into (a Jackson failure somewhere in the chain). */
    static boolean unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JacksonException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The service answered, but not in the shape the console reads (a field of another type, a value the record does
     * not take): the console's or the service's fault, never the person's, so a 502 page and a WARN in the log with
     * what did not fit. Not retried (it would answer the same) and not counted by the breaker (the service is up).
     */
    public static final class ServiceAnswerUnreadable extends ServiceProblem {
        private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Services.class);

        private ServiceAnswerUnreadable(String service, String why) {
            super(502, service + " answer unreadable", why, java.util.Map.of(), java.util.Map.of());
        }

        static ServiceAnswerUnreadable of(String service, Throwable failure) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause
                    && !(cause instanceof com.fasterxml.jackson.core.JacksonException)) {
                cause = cause.getCause();
            }
            String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            LOG.warnf("the answer of %s did not fit the console's record: %s", service, why);
            return new ServiceAnswerUnreadable(service, why);
        }
    }

    /** The service could not answer (down, 5xx, unreachable): retried for reads, counted by the breaker. */
    public static final class ServiceUnavailable extends ServiceProblem {
        ServiceUnavailable(String service, String why, java.util.Map<String, Object> body) {
            super(503, service + " unavailable", why, java.util.Map.of(), body);
        }
    }
}
