package org.mejora.identity;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentSecretsTest {

    @Test
    void aServiceWithTheLocalRunsDatabasePasswordRefusesToStartOutsideALocalRun() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.password", "plan");

        assertThatThrownBy(() -> DevelopmentSecrets.check(production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.datasource.password");
    }

    @Test
    void theLocalRunAndTheTestsMayUseThePublishedValues() {
        MockEnvironment local = new MockEnvironment().withProperty("spring.datasource.password", "plan")
                .withProperty("mejora.local-run", "true");

        assertThatCode(() -> DevelopmentSecrets.check(local)).doesNotThrowAnyException();
    }

    @Test
    void anInstallationsOwnSecretStarts() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.datasource.password", "b7c1f0e2-long-and-random");

        assertThatCode(() -> DevelopmentSecrets.check(production)).doesNotThrowAnyException();
    }
}
