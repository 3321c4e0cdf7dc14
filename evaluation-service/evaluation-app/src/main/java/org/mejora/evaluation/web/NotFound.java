package org.mejora.evaluation.web;

/** No such resource in the caller's institution; answered with 404 so ids of other institutions leak nothing. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
