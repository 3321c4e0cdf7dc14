package org.mejora.identity;

/**
 * The headers the gateway and the services exchange beside the user's token. The user's identity travels only in
 * the token ({@code Authorization: Bearer}), which every service verifies itself; a header named with
 * {@link #RESERVED_PREFIX} is never trusted and the gateway drops any a client sends.
 */
public final class IdentityHeaders {

    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** Once the prefix of headers that spoke for a user; still reserved so no client can pretend otherwise. */
    public static final String RESERVED_PREFIX = "x-mejora-";

    private IdentityHeaders() {
    }
}
