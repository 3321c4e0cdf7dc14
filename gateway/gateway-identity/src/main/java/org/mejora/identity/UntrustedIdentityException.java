package org.mejora.identity;

/** The identity headers of a request cannot be trusted; the request is answered with 401. */
public class UntrustedIdentityException extends RuntimeException {
    public UntrustedIdentityException(String message) {
        super(message);
    }
}
