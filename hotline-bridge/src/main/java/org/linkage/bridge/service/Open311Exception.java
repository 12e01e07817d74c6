package org.linkage.bridge.service;

/** A GeoReport v2 error: answered in the spec's format, {@code [{"code":400,"description":"..."}]}. */
public class Open311Exception extends RuntimeException {
    private final int code;

    public Open311Exception(int code, String description) {
        super(description);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    public static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }
}
