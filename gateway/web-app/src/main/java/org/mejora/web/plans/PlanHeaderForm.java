package org.mejora.web.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's header as typed, with the API's limits; the kind is chosen only when the plan is created.
 *
 * @param version the plan's version the user is editing (If-Match); none when creating
 */
public record PlanHeaderForm(
        @NotBlank(groups = Creation.class, message = "{plans.field.kind.choose}")
        @Pattern(regexp = "AUDIT|CAF_SELF_ASSESSMENT|EVALUATION_DIAGNOSTIC", groups = Creation.class,
                message = "{plans.field.kind.choose}") String kind,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 300) String institutionName,
        @Size(max = 300) String auditedProcess,
        @Size(max = 1000) String procedures,
        @Size(max = 300) String responsible,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate subscriptionDate,
        @Size(max = 50) String period,
        @Size(max = 50) String formatCode,
        @Size(max = 20) String formatVersion,
        String version) {

    /** The validation group of what only a new plan asks for. */
    public interface Creation {
    }

    /** The kinds a user may create; individual plans are opened from an evaluation's result. */
    public static final List<String> KINDS = List.of("AUDIT", "CAF_SELF_ASSESSMENT",
            "EVALUATION_DIAGNOSTIC");

    public static List<String> kinds() {
        return KINDS;
    }

    static PlanHeaderForm blank() {
        return new PlanHeaderForm(null, null, null, null, null, null, null, null, null, null, null);
    }

    static PlanHeaderForm of(Map<String, Object> plan, String version) {
        Object day = plan.get("subscriptionDate");
        return new PlanHeaderForm((String) plan.get("kind"), text(plan, "title"), text(plan, "institutionName"),
                text(plan, "auditedProcess"), text(plan, "procedures"), text(plan, "responsible"),
                day == null ? null : LocalDate.parse(day.toString()), text(plan, "period"), text(plan, "formatCode"),
                text(plan, "formatVersion"), version);
    }

    /** The API's request body: {@code POST /api/plans} with the kind, {@code PUT /api/plans/{id}} without. */
    Map<String, Object> body(boolean withKind) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (withKind) {
            body.put("kind", kind);
        }
        body.put("title", trimmed(title));
        body.put("institutionName", trimmed(institutionName));
        body.put("auditedProcess", trimmed(auditedProcess));
        body.put("procedures", trimmed(procedures));
        body.put("responsible", trimmed(responsible));
        body.put("subscriptionDate", subscriptionDate == null ? null : subscriptionDate.toString());
        body.put("period", trimmed(period));
        body.put("formatCode", trimmed(formatCode));
        body.put("formatVersion", trimmed(formatVersion));
        return body;
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Map<String, Object> plan, String name) {
        Object value = plan.get(name);
        return value == null ? null : value.toString();
    }
}
