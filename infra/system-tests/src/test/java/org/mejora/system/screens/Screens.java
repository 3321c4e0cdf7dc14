package org.mejora.system.screens;

import org.mejora.system.SystemUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Where the browser tests find Mejora and its users: the system under test of this run, or, for a developer looking
 * at their screens, an already running system ({@code MEJORA_SCREENS_URL} and the identity server's users file
 * {@code MEJORA_SCREENS_USERS}). Each test makes the people of an institution of its own, so tests never see each
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
        String username = name + "-" + institution;
        String line = String.join("\t", username, institution, String.join(",", roles), displayName) + "\n";
        try {
            Files.writeString(usersFile(), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return username;
    }

    private static Path usersFile() {
        String running = System.getenv("MEJORA_SCREENS_USERS");
        return running != null && !running.isBlank() ? Path.of(running) : SystemUnderTest.get().usersFile();
    }
}
