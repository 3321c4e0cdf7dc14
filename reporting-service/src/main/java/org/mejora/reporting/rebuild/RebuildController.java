package org.mejora.reporting.rebuild;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform administrator (not an institution's ADMIN: a rebuild spans every institution) rebuilds every projection from the topics' beginning and follows its progress and checksum. */
@RestController
@RequestMapping("/api/reports/rebuilds")
@Tag(name = "Rebuild", description = "Reconstrucción de proyecciones / projection rebuild")
@Timed("mejora.reporting.http")
class RebuildController {

    private final Rebuilder rebuilder;

    RebuildController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping
    @Operation(summary = "Iniciar una reconstrucción / start a rebuild",
            description = "202 with the rebuild; 409 if one is running (on any instance). Reads keep answering from the live "
                    + "projections until the rebuilt ones have caught up and replace them in one transaction. When "
                    + "their checksums differ the live tables stay and the status lists the rows that differ, unless "
                    + "replaceAnyway=true (after a deliberate change of how events are folded).")
    ResponseEntity<RebuildView> start(@RequestParam(defaultValue = "false") boolean replaceAnyway,
                                      @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        admin(user);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilder.start(user.userId(), replaceAnyway));
    }

    @GetMapping("/current")
    @Operation(summary = "Progreso de la última reconstrucción / progress of the latest rebuild",
            description = "events done and total, rate in events per second, ETA, and when completed whether the "
                    + "checksums of the rebuilt projections equal the live ones, whether they replaced them, and the "
                    + "rows that differ (table, primary key, and the side that holds them)")
    RebuildView current(@RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        admin(user);
        RebuildView current = rebuilder.current();
        if (current == null) {
            throw ReportProblem.notFound("rebuild", "current");
        }
        return current;
    }

    private static void admin(VerifiedUser user) {
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw new ReportProblem(HttpStatus.FORBIDDEN, "rebuild-admin-only");
        }
    }
}
