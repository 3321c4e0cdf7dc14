package org.mejora.web.plans;

import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signature about to be recorded on a plan: the reason of a rejection, the reviewer's observations. The name and
 * the position (cargo) printed under it are the signer's own, from their token: nobody types them.
 *
 * @param version the plan's version the user saw (If-Match)
 * @param stage   {@code confirm} shows the signature to confirm, {@code sign} records it, {@code edit} goes back
 */
public record SignatureForm(@Size(max = 4000) String reason, @Size(max = 4000) String observations,
                            String version, String stage) {

    static SignatureForm blank(String version) {
        return new SignatureForm(null, null, version, null);
    }

    /** The API's body for the step: a rejection its reason, a review observations, the other steps nothing. */
    Map<String, Object> body(PlanStep step) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (step == PlanStep.REJECTION) {
            body.put("reason", PlanHeaderForm.trimmed(reason));
        }
        if (step == PlanStep.REVIEW) {
            body.put("observations", PlanHeaderForm.trimmed(observations));
        }
        return body;
    }
}
