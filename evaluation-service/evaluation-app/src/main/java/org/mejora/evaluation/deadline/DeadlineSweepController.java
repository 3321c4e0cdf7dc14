package org.mejora.evaluation.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.envelope.Actor;
import org.mejora.contract.Forbidden;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Runs the deadline sweep now, e.g. after an outage or in a demo; the daily schedule runs it anyway. */
@RestController
@Tag(name = "Deadline sweep", description = "Hechos de vencimiento de los pasos de la evaluación")
class DeadlineSweepController {

    private final DeadlineSweep sweep;

    DeadlineSweepController(DeadlineSweep sweep) {
        this.sweep = sweep;
    }

    @PostMapping("/api/evaluations/admin/deadline-sweeps")
    @Operation(summary = "Registrar ahora los vencimientos de hoy / raise today's deadline facts now")
    Map<String, Integer> run(@RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        // It spans institutions: a platform administrator's matter.
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new Forbidden("the deadline sweep needs PLATFORM_ADMIN");
        }
        return Map.of("raised", sweep.sweep(new Actor(user.userId(), Role.PLATFORM_ADMIN.name(), user.name())));
    }
}
