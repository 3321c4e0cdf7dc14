package org.mejora.plan.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A plan was created in DRAFT with the header of its format (seed 001: "FORMATO PLAN DE MEJORAMIENTO").
 * Who created it and when travel in the event's metadata and envelope.
 *
 * @param institutionId   the institution that owns the plan
 * @param institutionName e.g. "ALCALDIA MUNICIPAL DE CALICA"
 * @param auditedProcess  "Proceso Auditado", e.g. "Gestión Estratégica"
 * @param procedures      "Procedimientos", e.g. "GES-PR011 - FORMULACION Y SEGUIMIENTO PLAN DE DESARROLLO"
 * @param responsible     "Responsables", e.g. "Directora de Planeación Estratégica"
 * @param subscriptionDate "Fecha de Suscripción", null while not subscribed
 * @param formatCode      e.g. "GEM-FM014"
 * @param formatVersion   e.g. "02"
 * @param period          the period the plan covers, e.g. "2021" or "2023"
 * @param individual      for {@link PlanKind#INDIVIDUAL} plans the servant, evaluation and cycle; null otherwise
 */
@Revision("1")
public record PlanCreated(
        String planId,
        String institutionId,
        PlanKind kind,
        String title,
        String institutionName,
        String auditedProcess,
        String procedures,
        String responsible,
        LocalDate subscriptionDate,
        String formatCode,
        String formatVersion,
        String period,
        IndividualPlanLink individual) implements PlanEvent {

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
