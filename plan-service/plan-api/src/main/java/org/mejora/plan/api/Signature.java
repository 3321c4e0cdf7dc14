package org.mejora.plan.api;

import java.time.LocalDate;

/**
 * Who signed a step of the plan ("Responsable Plan / Revisa / Aprueba", seed 003; signatures of seed 001): the person,
 * the Mejora role under which they acted, their position (cargo) as printed under the signature (from their token,
 * never from a request), the date, and their user id, by which the plan keeps elaborating, reviewing and approving
 * apart. Signatures recorded before the user id existed have none.
 */
public record Signature(
        String name,
        String role,
        String position,
        LocalDate date,
        String userId) {

    /** A signature without a user id, as those recorded before it existed. */
    public Signature(String name, String role, String position, LocalDate date) {
        this(name, role, position, date, null);
    }
}
