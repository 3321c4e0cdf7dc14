package org.mejora.contract;

/** Unknown id, or an id of another institution: answered with 404 and nothing about the resource. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
