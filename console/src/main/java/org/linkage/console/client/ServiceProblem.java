package org.linkage.console.client;

import java.util.List;
import java.util.Map;

/**
 * A service's refusal (4xx, problem+json) or its absence, carried to the page that asked, which shows it in
 * words next to the field or action instead of failing.
 *
 * @param status the HTTP status the service answered (503 when it could not be reached)
 * @param fieldErrors field name to message, as the service's {@code errors[]} named them
 */
public class ServiceProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> body;

    public ServiceProblem(int status, String title, String detail, Map<String, String> fieldErrors, Map<String, Object> body) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.body = body == null ? Map.of() : body;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The whole problem document, for extension members such as {@code currentDecision}. */
    public Map<String, Object> body() {
        return body;
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    static Map<String, String> fieldErrorsOf(Object errors) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        if (errors instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("field") != null) {
                    out.merge(String.valueOf(m.get("field")), String.valueOf(m.get("message")), (a, b) -> a + "; " + b);
                }
            }
        }
        return out;
    }
}
