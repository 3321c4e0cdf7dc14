package org.mejora.system.screens;

import org.mejora.system.SystemUnderTest;
import org.mejora.testing.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Where the browser tests find Mejora and its users: the system under test of this run, or, for a developer looking
 * at their screens, an already running system ({@code MEJORA_SCREENS_URL}, the identity server's users file
 * {@code MEJORA_SCREENS_USERS} and the gateway {@code MEJORA_SCREENS_API}). Each test makes the people of an institution of its own, so tests never see each
 * other's data.
 */
public final class Screens {

    private Screens() {
    }

    public static String url() {
        String running = System.getenv("MEJORA_SCREENS_URL");
        return running != null && !running.isBlank() ? running : SystemUnderTest.get().webUrl();
    }

    /** An institution no other test (nor an earlier run on the same databases) uses. */
    public static String newInstitution(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Adds a user to the identity server and returns the username to sign in with: the name given, made unique for
     * the institution (password "demo").
     */
    public static String user(String name, String institution, String displayName, String... roles) {
        return signer(name, institution, displayName, null, roles);
    }

    /** The same, with the position (cargo) the identity server puts in the user's token and signatures print. */
    public static String signer(String name, String institution, String displayName, String position,
                                String... roles) {
        String username = name + "-" + institution;
        String line = String.join("\t", username, institution, String.join(",", roles), displayName,
                position == null ? "" : position) + "\n";
        try {
            Files.writeString(usersFile(), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return username;
    }

    /**
     * The gateway's API as this user, for setting up what a test needs before its screens (e.g. a plan in execution).
     * Against a running system the token comes from {@code infra/token.sh} (the key that system trusts).
     */
    public static Api api(String userId, String institution, String... roles) {
        String running = System.getenv("MEJORA_SCREENS_API");
        if (running == null || running.isBlank()) {
            return SystemUnderTest.get().gatewayAs(userId, institution, roles);
        }
        try {
            Path root = Path.of(System.getenv().getOrDefault("MEJORA_ROOT", "../.."));
            Process script = new ProcessBuilder("bash", root.resolve("infra/token.sh").toString(), userId, institution,
                    String.join(",", roles)).redirectErrorStream(false).start();
            String token = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (script.waitFor() != 0) {
                throw new IllegalStateException("infra/token.sh failed for " + userId);
            }
            return Api.at(running).bearer(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path usersFile() {
        String running = System.getenv("MEJORA_SCREENS_USERS");
        return running != null && !running.isBlank() ? Path.of(running) : SystemUnderTest.get().usersFile();
    }
}
