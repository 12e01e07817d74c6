package org.linkage.commons.problem;

import java.util.List;
import java.util.Map;

/** A failure the client can act on, answered as problem+json with the given status. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : errors;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", message, List.of(new Problem.FieldError(field, message)), null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null, null);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "Conflict", detail, null, extensions);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
