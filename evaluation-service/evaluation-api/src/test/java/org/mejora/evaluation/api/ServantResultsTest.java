package org.mejora.evaluation.api;

import org.junit.jupiter.api.Test;
import org.mejora.evaluation.api.ServantResults.Reader;
import org.mejora.evaluation.api.ServantResults.Servant;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mejora.evaluation.api.ServantResults.Visibility.COUNTS;
import static org.mejora.evaluation.api.ServantResults.Visibility.NONE;
import static org.mejora.evaluation.api.ServantResults.Visibility.RESULTS;

class ServantResultsTest {

    private final Servant ana = new Servant("ana", "upme", "jgomez");

    @Test
    void theServantSeesTheirOwnResults() {
        assertThat(ServantResults.of(reader("ana", "upme", "SERVANT"), ana)).isEqualTo(RESULTS);
    }

    @Test
    void anotherServantSeesNothing() {
        assertThat(ServantResults.of(reader("beto", "upme", "SERVANT"), ana)).isEqualTo(NONE);
    }

    @Test
    void theAssignedSupervisorSeesTheResultsAndAnotherSupervisorNothing() {
        assertThat(ServantResults.of(reader("jgomez", "upme", "SUPERVISOR"), ana)).isEqualTo(RESULTS);
        assertThat(ServantResults.of(reader("mrios", "upme", "SUPERVISOR"), ana)).isEqualTo(NONE);
    }

    @Test
    void hrAndAuditorsOfTheInstitutionSeeEveryServantsResults() {
        assertThat(ServantResults.of(reader("talento", "upme", "HR"), ana)).isEqualTo(RESULTS);
        assertThat(ServantResults.of(reader("auditor", "upme", "AUDITOR"), ana)).isEqualTo(RESULTS);
    }

    @Test
    void hrOfAnotherInstitutionSeesNothing() {
        assertThat(ServantResults.of(reader("talento", "alcaldia-calica", "HR"), ana)).isEqualTo(NONE);
        assertThat(ServantResults.of(reader("ana", "alcaldia-calica", "SERVANT"), ana))
                .as("the same user id in another institution is another person").isEqualTo(NONE);
    }

    @Test
    void oversightOfAnyInstitutionAndThePlanRolesOfTheInstitutionSeeOnlyCounts() {
        assertThat(ServantResults.of(reader("veeduria", "procuraduria", "OVERSIGHT"), ana)).isEqualTo(COUNTS);
        for (String role : new String[]{"PLAN_OWNER", "PLAN_REVIEWER", "PLAN_APPROVER"}) {
            assertThat(ServantResults.of(reader("p", "upme", role), ana)).as(role).isEqualTo(COUNTS);
            assertThat(ServantResults.of(reader("p", "alcaldia-calica", role), ana)).as(role).isEqualTo(NONE);
        }
    }

    @Test
    void anInstitutionsAdminAndThePlatformAdministratorSeeNothing() {
        assertThat(ServantResults.of(reader("admin", "upme", "ADMIN"), ana)).isEqualTo(NONE);
        assertThat(ServantResults.of(reader("plataforma", "mejora-plataforma", "PLATFORM_ADMIN"), ana))
                .isEqualTo(NONE);
        assertThat(ServantResults.readsAny(reader("admin", "upme", "ADMIN"), "upme")).isFalse();
    }

    @Test
    void aSupervisorWhoAlsoOwnsPlansSeesTheirReportsByNameAndTheRestAsCounts() {
        Reader both = reader("jgomez", "upme", "SUPERVISOR", "PLAN_OWNER");

        assertThat(ServantResults.of(both, ana)).isEqualTo(RESULTS);
        assertThat(ServantResults.of(both, new Servant("beto", "upme", "mrios"))).isEqualTo(COUNTS);
    }

    @Test
    void whoReadsAnythingOfAnInstitution() {
        assertThat(ServantResults.readsAny(reader("veeduria", "procuraduria", "OVERSIGHT"), "upme")).isTrue();
        assertThat(ServantResults.readsAny(reader("jgomez", "upme", "SUPERVISOR"), "upme")).isTrue();
        assertThat(ServantResults.readsAny(reader("jgomez", "upme", "SUPERVISOR"), "alcaldia-calica")).isFalse();
    }

    private static Reader reader(String userId, String institution, String... roles) {
        return new Reader(userId, institution, Set.of(roles));
    }
}
