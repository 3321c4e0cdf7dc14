package org.mejora.reporting.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.mejora.envelope.EnvelopeCodec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people directory of notifications: registered by an institution's ADMIN, preferences by each person. */
@Component
class People {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    People(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Person> find(String userId) {
        return jdbc.sql("select * from notification_person where user_id = ?").param(userId)
                .query(this::person).optional();
    }

    /** The institution's people who hold a role (its HR, its plan reviewers). */
    List<Person> withRole(String institutionId, String role) {
        return jdbc.sql("""
                        select * from notification_person
                        where institution_id = :institution and roles @> cast(:role as jsonb) order by user_id""")
                .param("institution", institutionId).param("role", json(List.of(role)))
                .query(this::person).list();
    }

    /** Registers or updates a person; their own preference for digests is kept. */
    void register(String userId, String institutionId, String name, String email, String language,
                  List<String> roles) {
        jdbc.sql("""
                        insert into notification_person (user_id, institution_id, name, email, language, roles, updated_at)
                        values (:user, :institution, :name, :email, :language, cast(:roles as jsonb), :now)
                        on conflict (user_id) do update set institution_id = excluded.institution_id,
                            name = excluded.name, email = excluded.email, language = excluded.language,
                            roles = excluded.roles, updated_at = excluded.updated_at""")
                .param("user", userId).param("institution", institutionId).param("name", name)
                .param("email", blankToNull(email)).param("language", language).param("roles", json(roles))
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** A person's own choices; someone not registered yet is registered with what the token says of them. */
    void prefer(String userId, String institutionId, String name, String language, boolean digests) {
        jdbc.sql("""
                        insert into notification_person (user_id, institution_id, name, language, digests, updated_at)
                        values (:user, :institution, :name, :language, :digests, :now)
                        on conflict (user_id) do update set language = excluded.language, digests = excluded.digests,
                            updated_at = excluded.updated_at""")
                .param("user", userId).param("institution", institutionId).param("name", name)
                .param("language", language).param("digests", digests)
                .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
    }

    private Person person(ResultSet row, int n) throws SQLException {
        try {
            return new Person(row.getString("user_id"), row.getString("institution_id"), row.getString("name"),
                    row.getString("email"), row.getString("language"),
                    codec.mapper().readValue(row.getString("roles"), STRINGS), row.getBoolean("digests"));
        } catch (JsonProcessingException e) {
            throw new SQLException("roles of " + row.getString("user_id") + " are not a JSON list", e);
        }
    }

    private String json(List<String> values) {
        try {
            return codec.mapper().writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
