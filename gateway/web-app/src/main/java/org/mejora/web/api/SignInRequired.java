package org.mejora.web.api;

/** The session's token can no longer be used or refreshed: the user must sign in again. */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign-in required");
    }
}
