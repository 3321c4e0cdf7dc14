package org.mejora.evaluation.api.state;

import org.junit.jupiter.api.Test;
import org.mejora.evaluation.api.CompetenciesRated;
import org.mejora.evaluation.api.EvaluationOpened;
import org.mejora.evaluation.api.EvaluationStatus;
import org.mejora.evaluation.api.FinalResultNotAccepted;
import org.mejora.evaluation.api.FollowUp;
import org.mejora.evaluation.api.Score;
import org.mejora.evaluation.api.SelfEvaluationApproved;
import org.mejora.evaluation.api.SelfEvaluationModified;
import org.mejora.evaluation.api.SelfEvaluationAccepted;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationFoldTest {

    private static final EvaluationOpened OPENED = new EvaluationOpened("e", "c", "i", 2023, "s", "Servidora", "j",
            "Jefe", List.of(), BigDecimal.valueOf(85), BigDecimal.valueOf(15), "Satisfactorio", BigDecimal.valueOf(65),
            List.of());

    @Test
    void theSecondFollowUpGoesToRatingOnceApprovedOrModified() {
        assertThat(EvaluationFold.statusSetBy(new SelfEvaluationApproved("e", FollowUp.II)))
                .contains(EvaluationStatus.COMPETENCIES_RATING);
        assertThat(EvaluationFold.statusSetBy(new SelfEvaluationModified("e", FollowUp.I, List.of(), List.of(), "r")))
                .contains(EvaluationStatus.SELF_EVALUATION_I_AWAITING_ACCEPTANCE);
        assertThat(EvaluationFold.statusSetBy(new SelfEvaluationAccepted("e", FollowUp.I)))
                .contains(EvaluationStatus.SELF_EVALUATION_II);
    }

    @Test
    void aResultNotAcceptedNoLongerStands() {
        Score score = new Score(BigDecimal.valueOf(60), BigDecimal.valueOf(70), BigDecimal.valueOf(61.5), "Bajo", true);
        EvaluationState state = EvaluationFold.replay(List.of(OPENED, new CompetenciesRated("e", List.of(), score),
                new FinalResultNotAccepted("e", "No estoy de acuerdo")));

        assertThat(state.status()).isEqualTo(EvaluationStatus.SELF_EVALUATION_II);
        assertThat(state.result()).isNull();
        assertThat(EvaluationFacts.of(state).values()).doesNotContainKey("finalScore");
    }
}
