package org.mejora.plan.evidence;

import org.junit.jupiter.api.Test;
import org.mejora.contract.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is refused before anything is stored. */
class EvidenceStoreTest {

    private final EvidenceStore store = new EvidenceStore(null, 16, Clock.systemUTC());

    @Test
    void aFileOverTheLimitIsRefusedNamingBothSizes() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> store.store("p-1", "i-1", "acta.pdf",
                "%PDF-1.7 and seventeen more".getBytes(StandardCharsets.US_ASCII), "ana"));
        assertThat(refused.rule()).isEqualTo("evidence.too-large");
        assertThat(refused.field()).isEqualTo("file");
        assertThat(refused.arguments()).containsExactly(27, 16L);
    }

    @Test
    void anEmptyFileOrOneWhoseBytesAreNoEvidenceIsRefused() {
        assertThat(catchThrowableOfType(RuleViolation.class, () -> store.store("p-1", "i-1", "a.pdf", new byte[0],
                "ana")).rule()).isEqualTo("evidence.empty");
        assertThat(catchThrowableOfType(RuleViolation.class, () -> store.store("p-1", "i-1", "a.pdf",
                "<script>".getBytes(StandardCharsets.US_ASCII), "ana")).rule()).isEqualTo("evidence.unsupported-type");
    }

    @Test
    void theHashIsTheFilesSha256() {
        assertThat(EvidenceStore.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
