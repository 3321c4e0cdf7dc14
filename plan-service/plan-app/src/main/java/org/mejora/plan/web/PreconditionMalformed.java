package org.mejora.plan.web;

/** An If-Match header that is not a version this service handed out; answered with 400 naming the header. */
public class PreconditionMalformed extends RuntimeException {

    public PreconditionMalformed(String value) {
        super(value);
    }
}
