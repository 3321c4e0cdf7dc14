package org.mejora.plan.web;

/** The aggregate version as an HTTP entity tag: {@code "7"} on GET, expected back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Null without If-Match (the command then runs without the optimistic check). */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionMalformed(ifMatch);
        }
    }
}
