package org.mejora.reporting.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.mejora.evaluation.api.ServantResults;
import org.mejora.identity.Role;
import org.mejora.identity.VerifiedUser;

import java.util.stream.Collectors;

/**
 * Who reads what. Nobody sees another institution's data, except OVERSIGHT, who reads the reports (dashboards and
 * downloads) of every institution; another institution's entity is answered like an unknown one.
 */
public final class Access {

    private Access() {
    }

    /** The history and past states of a plan, finding or action. */
    public static void planHistory(VerifiedUser user, String institution, String what, String id) {
        sameInstitution(user, institution, what, id);
        if (!user.hasAny(Role.AUDITOR, Role.ADMIN, Role.PLAN_OWNER, Role.PLAN_REVIEWER, Role.PLAN_APPROVER, Role.HR)) {
            throw ReportProblem.forbidden();
        }
    }

    /**
     * An evaluation's history and past states hold the servant's results: {@link ServantResults} decides (the
     * servant, their supervisor, HR and AUDITOR of its institution; an institution's ADMIN is not among them).
     */
    public static void evaluationHistory(VerifiedUser user, String institution, JsonNode evaluation, String id) {
        sameInstitution(user, institution, "evaluation", id);
        if (servantResult(reader(user), institution, evaluation) != ServantResults.Visibility.RESULTS) {
            throw ReportProblem.forbidden();
        }
    }

    /** Reports of an institution: its own users who manage plans or evaluations, its auditors, and OVERSIGHT. */
    public static void reports(VerifiedUser user, String institution) {
        if (!user.canRead(institution)) {
            throw ReportProblem.forbidden();
        }
        if (!user.hasAny(Role.OVERSIGHT, Role.AUDITOR, Role.ADMIN, Role.HR, Role.PLAN_OWNER, Role.PLAN_REVIEWER,
                Role.PLAN_APPROVER, Role.SUPERVISOR)) {
            throw ReportProblem.forbidden();
        }
    }

    /** A report about one plan or cycle: unknown to other institutions, except OVERSIGHT. */
    public static void report(VerifiedUser user, String institution, String what, String id) {
        if (institution == null || !user.canRead(institution)) {
            throw ReportProblem.notFound(what, id);
        }
        reports(user, institution);
    }

    /**
     * The results of an institution's servants (evaluation dashboard, consolidation export): whoever
     * {@link ServantResults} lets see anything of them; everyone else is refused.
     */
    public static ServantResults.Reader servantResults(VerifiedUser user, String institution) {
        ServantResults.Reader reader = reader(user);
        if (!ServantResults.readsAny(reader, institution)) {
            throw ReportProblem.forbidden();
        }
        return reader;
    }

    /** What the reader sees of the servant of one evaluation, as reporting folded it (ServantAssigned). */
    public static ServantResults.Visibility servantResult(ServantResults.Reader reader, String institution,
                                                          JsonNode evaluation) {
        // An evaluation not folded yet names nobody: only HR and AUDITOR, who see every servant, pass.
        JsonNode known = evaluation == null ? MissingNode.getInstance() : evaluation;
        return ServantResults.of(reader, new ServantResults.Servant(known.path("servantId").asText(""),
                institution, known.path("supervisorId").asText(null)));
    }

    private static ServantResults.Reader reader(VerifiedUser user) {
        return new ServantResults.Reader(user.userId(), user.institutionId(),
                user.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }

    private static void sameInstitution(VerifiedUser user, String institution, String what, String id) {
        if (institution == null || !user.institutionId().equals(institution)) {
            throw ReportProblem.notFound(what, id);
        }
    }
}
