package org.mejora.reporting.notification;

import org.mejora.plan.api.state.InstitutionTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Once a day, at the configured hour of the institutions' day, each person's pending reminders go out as one mail
 * (a single one when only one waits). Someone without an address, or who turned digests off, keeps them in the app.
 */
@Component
class Digest {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Notifications notifications;
    private final People people;
    private final MailTexts texts;
    private final NotificationSettings settings;
    private final Clock clock;

    Digest(JdbcClient jdbc, TransactionTemplate transaction, Notifications notifications, People people,
           MailTexts texts, NotificationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.notifications = notifications;
        this.people = people;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The day's digest, if its hour has come and no instance sent it yet; returns the mails queued. */
    int whenDue() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        if (now.getHour() < settings.digestHour()) {
            return 0;
        }
        LocalDate today = InstitutionTime.today(clock);
        Boolean due = transaction.execute(status -> {
            jdbc.sql("insert into notification_digest_day (id, last_day) values (1, ?) on conflict do nothing")
                    .param(Date.valueOf(today.minusDays(1))).update();
            LocalDate last = jdbc.sql("select last_day from notification_digest_day where id = 1 for update")
                    .query(LocalDate.class).single();
            if (!last.isBefore(today)) {
                return false;
            }
            jdbc.sql("update notification_digest_day set last_day = ? where id = 1").param(Date.valueOf(today)).update();
            return true;
        });
        return Boolean.TRUE.equals(due) ? now() : 0;
    }

    /** Every pending reminder now, whatever the hour (an operator's or a test's run). */
    int now() {
        int mails = 0;
        for (String recipient : notifications.awaitingDigest()) {
            Integer queued = transaction.execute(status -> one(recipient));
            mails += queued == null ? 0 : queued;
        }
        return mails;
    }

    private int one(String recipient) {
        List<Line> lines = notifications.lockDigest(recipient);
        if (lines.isEmpty()) {
            return 0;
        }
        List<Long> ids = lines.stream().map(Line::id).toList();
        Optional<Person> person = people.find(recipient);
        if (person.filter(Person::mailable).isEmpty()) {
            notifications.mailed(ids, "NO_ADDRESS", null);
            return 0;
        }
        if (!person.get().digests()) {
            notifications.mailed(ids, "DIGESTS_OFF", null);
            return 0;
        }
        long outbox = notifications.enqueue(person.get(), texts.digest(person.get(), lines), Instant.now(clock));
        notifications.mailed(ids, "DIGESTED", outbox);
        return 1;
    }
}
