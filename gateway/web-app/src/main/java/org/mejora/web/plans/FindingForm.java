package org.mejora.web.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding (hallazgo) as typed: number, description, where it comes from (an audit, a CAF criterion and
 * subcriterion, an evaluation factor) and the improvement area.
 *
 * @param version the plan's version the user is editing (If-Match)
 */
public record FindingForm(
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 8000) String description,
        @NotBlank @Pattern(regexp = "AUDIT|CAF|EVALUATION_FACTOR|OTHER") String sourceType,
        @Size(max = 1000) String criterion,
        @Size(max = 2000) String subcriterion,
        @Size(max = 1000) String factor,
        @Size(max = 8000) String improvementArea,
        String version) {

    public static final List<String> SOURCE_TYPES = List.of("AUDIT", "CAF", "EVALUATION_FACTOR", "OTHER");

    public static List<String> sourceTypes() {
        return SOURCE_TYPES;
    }

    /** A new finding of a plan: the next number, and the source its kind suggests. */
    static FindingForm first(Map<String, Object> plan, String version) {
        String source = switch (String.valueOf(plan.get("kind"))) {
            case "AUDIT" -> "AUDIT";
            case "CAF_SELF_ASSESSMENT" -> "CAF";
            case "EVALUATION_DIAGNOSTIC", "INDIVIDUAL" -> "EVALUATION_FACTOR";
            default -> "OTHER";
        };
        String next = String.valueOf(PlanDrafts.findings(plan).size() + 1);
        return new FindingForm(next, null, source, null, null, null, null, version);
    }

    @SuppressWarnings("unchecked")
    static FindingForm of(Map<String, Object> finding, String version) {
        Map<String, Object> source = finding.get("source") instanceof Map<?, ?> given
                ? (Map<String, Object>) given : Map.of();
        return new FindingForm(text(finding.get("number")), text(finding.get("description")),
                source.get("type") == null ? "OTHER" : text(source.get("type")), text(source.get("criterion")),
                text(source.get("subcriterion")), text(source.get("factor")), text(finding.get("improvementArea")),
                version);
    }

    /** The API's body for adding or editing a finding. */
    Map<String, Object> body() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", sourceType);
        source.put("criterion", PlanHeaderForm.trimmed(criterion));
        source.put("subcriterion", PlanHeaderForm.trimmed(subcriterion));
        source.put("factor", PlanHeaderForm.trimmed(factor));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", PlanHeaderForm.trimmed(number));
        body.put("description", PlanHeaderForm.trimmed(description));
        body.put("source", source);
        body.put("improvementArea", PlanHeaderForm.trimmed(improvementArea));
        return body;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
