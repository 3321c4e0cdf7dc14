package org.mejora.contract;

/** The verified user lacks the role or the institution a request needs; answered with 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String reason) {
        super(reason);
    }
}
