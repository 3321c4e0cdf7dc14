package org.mejora.plan.api;

import java.time.LocalDate;

/** Who signed a step of the plan ("Responsable Plan / Revisa / Aprueba", seed 003; signatures of seed 001): the person, the Mejora role under which they acted, their position (cargo) as printed under the signature, and the date. */
public record Signature(
        String name,
        String role,
        String position,
        LocalDate date) {
}
