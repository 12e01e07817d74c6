package org.linkage.bridge.client;

/** Another Linkage service could not answer (down, 5xx, unreachable): worth a retry, never the caller's fault. */
public class UpstreamUnavailableException extends RuntimeException {
    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
