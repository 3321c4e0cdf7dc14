package org.mejora.web.dashboards;

import org.mejora.web.api.ApiProblem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One institution as OVERSIGHT compares it: its plans' headline numbers and actions by status, and of its evaluations
 * only the counts per rating level (no servant's name or score). {@code problem} when reporting refused it.
 */
public record InstitutionSummary(String institutionId, int actions, Number averagePercent, int overdueCount,
                                 int verified, BigDecimal compliancePercent, BigDecimal effectivenessPercent,
                                 Chart byStatus, int evaluations, List<Chart.Row> ratingLevels, String removeLink,
                                 ApiProblem problem) {

    static InstitutionSummary of(String institutionId, Map<String, Object> plans, Map<String, Object> evaluations,
                                 Chart byStatus, String removeLink) {
        List<Chart.Row> levels = PlanDashboard.map(evaluations.get("scoreDistribution")).entrySet().stream()
                .map(level -> new Chart.Row(level.getKey(), PlanDashboard.number(level.getValue()), null)).toList();
        return new InstitutionSummary(institutionId, PlanDashboard.number(plans.get("actions")).intValue(),
                PlanDashboard.number(plans.get("averagePercent")),
                PlanDashboard.number(plans.get("overdueCount")).intValue(),
                PlanDashboard.number(plans.get("verified")).intValue(),
                PlanDashboard.percent(plans.get("complianceRate")), PlanDashboard.percent(plans.get("effectivenessRate")),
                byStatus, PlanDashboard.number(evaluations.get("evaluations")).intValue(), levels, removeLink, null);
    }

    static InstitutionSummary refused(String institutionId, ApiProblem problem, String removeLink) {
        return new InstitutionSummary(institutionId, 0, 0, 0, 0, null, null, null, 0, List.of(), removeLink, problem);
    }
}
