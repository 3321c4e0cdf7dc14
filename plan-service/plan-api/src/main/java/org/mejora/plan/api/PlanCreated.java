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
 * @param separationOfDutiesRelaxed true when the institution's ADMIN let one person elaborate, review and approve
 *                        the plan (a small institution); false or null (plans created before the rule): three
 *                        different users must
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
        IndividualPlanLink individual,
        Boolean separationOfDutiesRelaxed) implements PlanEvent {

    /** A plan under the rule of three different signers. */
    public PlanCreated(String planId, String institutionId, PlanKind kind, String title, String institutionName,
                       String auditedProcess, String procedures, String responsible, LocalDate subscriptionDate,
                       String formatCode, String formatVersion, String period, IndividualPlanLink individual) {
        this(planId, institutionId, kind, title, institutionName, auditedProcess, procedures, responsible,
                subscriptionDate, formatCode, formatVersion, period, individual, false);
    }

    /** Whether one person may sign more than one of elaboration, review and approval. */
    public boolean relaxesSeparationOfDuties() {
        return Boolean.TRUE.equals(separationOfDutiesRelaxed);
    }

    @Override
    public <R> R accept(PlanEvent.Cases<R> cases) {
        return cases.on(this);
    }
}
