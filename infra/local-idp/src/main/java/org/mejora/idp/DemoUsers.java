package org.mejora.idp;

import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo users, from a tab-separated file: user, institution, roles (comma-separated), name and, optionally, the
 * position they sign with; lines starting with
 * {@code #} are comments. The file is read again when it changes, so the browser tests can add the users of their own
 * institutions to a running server.
 */
final class DemoUsers {

    private final Resource file;
    private String readVersion = "";
    private Map<String, DemoUser> byName = Map.of();

    DemoUsers(Resource file) {
        this.file = file;
        current();
    }

    List<DemoUser> all() {
        return List.copyOf(current().values());
    }

    Optional<DemoUser> find(String username) {
        return Optional.ofNullable(current().get(username));
    }

    private synchronized Map<String, DemoUser> current() {
        try {
            // Time and size: two appends within one tick of the file system's clock still differ in size.
            String version = file.lastModified() + "/" + file.contentLength();
            if (!version.equals(readVersion)) {
                byName = read();
                readVersion = version;
            }
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo users at " + file, e);
        }
    }

    private Map<String, DemoUser> read() throws IOException {
        Map<String, DemoUser> users = new LinkedHashMap<>();
        for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length < 4) {
                throw new IllegalStateException(file + ": expected user, institution, roles, name in: " + line);
            }
            List<String> roles = Arrays.stream(cells[2].split(",")).map(String::trim).toList();
            String position = cells.length > 4 && !cells[4].isBlank() ? cells[4].trim() : null;
            users.put(cells[0].trim(),
                    new DemoUser(cells[0].trim(), cells[1].trim(), roles, cells[3].trim(), position));
        }
        return users;
    }
}
