package org.mejora.reporting.integrity;

import io.micrometer.core.annotation.Timed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mejora.identity.IdentityVerificationFilter;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;
import org.mejora.reporting.web.ReportProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The producers' signed checkpoints as reporting received them, newest first. Checkpoints name aggregates of every
 * institution, so only a platform administrator reads them.
 */
@RestController
@RequestMapping("/api/reports/integrity/checkpoints")
@Tag(name = "Integrity", description = "Puntos de control firmados / signed checkpoints of the history")
@Timed("mejora.reporting.http")
class CheckpointController {

    private static final int PAGE = 100;

    private final JdbcTemplate jdbc;

    CheckpointController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One received checkpoint; {@code jws} is the evidence, the rest is read from it. */
    record ReceivedCheckpoint(String producer, long number, String keyId, String createdAt, int heads,
                              boolean signatureValid, String topic, int partition, long offset, String jws) {
    }

    @GetMapping
    @Operation(summary = "Puntos de control recibidos / received checkpoints (PLATFORM_ADMIN)")
    List<ReceivedCheckpoint> list(@RequestParam(required = false) String producer,
                                  @RequestAttribute(IdentityVerificationFilter.USER_ATTRIBUTE) VerifiedUser user) {
        if (!user.has(Role.PLATFORM_ADMIN)) {
            throw ReportProblem.forbidden();
        }
        return jdbc.query("select producer, number, key_id, created_at, head_count, signature_valid, topic, "
                        + "kafka_partition, kafka_offset, jws from integrity_checkpoint "
                        + "where (cast(? as varchar) is null or producer = ?) order by received_at desc, number desc "
                        + "limit " + PAGE,
                (row, n) -> new ReceivedCheckpoint(row.getString(1), row.getLong(2), row.getString(3),
                        row.getString(4), row.getInt(5), row.getBoolean(6), row.getString(7), row.getInt(8),
                        row.getLong(9), row.getString(10)),
                producer, producer);
    }
}
