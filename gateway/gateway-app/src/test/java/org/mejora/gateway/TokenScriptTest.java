package org.mejora.gateway;

import org.mejora.identity.TokenValidation;
import org.mejora.identity.VerifiedUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** infra/token.sh makes its key pair on first use and prints tokens that the gateway's decoder accepts. */
class TokenScriptTest {

    private static final Path SCRIPT = Path.of("../../infra/token.sh").toAbsolutePath().normalize();

    @TempDir
    Path state;

    @Test
    void aTokenFromTheScriptIsAcceptedWithItsUserRolesAndInstitution() throws Exception {
        String token = run("lhernandez", "alcaldia-calica", "PLAN_OWNER,AUDITOR", "Luz Andrea Hernández Tejedor");

        Jwt jwt = decoder().decode(token).block();

        assertThat(jwt.getSubject()).isEqualTo("lhernandez");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Luz Andrea Hernández Tejedor");
        var user = VerifiedUsers.from(jwt);
        assertThat(user.userId()).isEqualTo("lhernandez");
        assertThat(user.institutionId()).isEqualTo("alcaldia-calica");
        assertThat(user.roles()).extracting(Enum::name).containsExactlyInAnyOrder("PLAN_OWNER", "AUDITOR");
    }

    @Test
    void theKeyPairIsMadeOnceAndReused() throws Exception {
        run("a", "inst", "HR");
        byte[] first = java.nio.file.Files.readAllBytes(state.resolve("keys/jwt-public.pem"));

        String second = run("b", "inst", "HR");

        assertThat(java.nio.file.Files.readAllBytes(state.resolve("keys/jwt-public.pem"))).isEqualTo(first);
        assertThat(decoder().decode(second).block().getSubject()).isEqualTo("b");
    }

    @Test
    void aNegativeLifetimeGivesAnExpiredToken() throws Exception {
        String expired = run("a", "inst", "HR", "A", "-600");

        assertThatThrownBy(() -> decoder().decode(expired).block())
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    private NimbusReactiveJwtDecoder decoder() throws Exception {
        return SecurityConfig.localDecoder(
                TokenValidation.readPublicKey(new FileSystemResource(state.resolve("keys/jwt-public.pem"))),
                List.of("mejora-local"), "mejora");
    }

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MEJORA_STATE_DIR", state.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
