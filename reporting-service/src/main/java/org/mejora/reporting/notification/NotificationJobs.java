package org.mejora.reporting.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The outbox is looked at every few seconds; the digest, each minute, goes out once its hour has come. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    private final Outbox outbox;
    private final Digest digest;
    private final boolean enabled;

    NotificationJobs(Outbox outbox, Digest digest, NotificationSettings settings) {
        this.outbox = outbox;
        this.digest = digest;
        this.enabled = settings.enabled();
    }

    @Scheduled(fixedDelayString = "${mejora.notifications.send-interval}")
    void sendOutbox() {
        if (!enabled) {
            return;
        }
        try {
            outbox.send(false);
        } catch (RuntimeException e) {
            log.error("the outbox could not be looked at; next round in a moment", e);
        }
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
    void digestWhenDue() {
        if (!enabled) {
            return;
        }
        try {
            digest.whenDue();
        } catch (RuntimeException e) {
            log.error("the daily digest failed; it is tried again next minute", e);
        }
    }

    /** What an operator's run did. */
    record Run(int digests, int sent, int failed, long unsent) {
    }

    Run runNow() {
        int digests = digest.now();
        Outbox.Sent sent = outbox.send(true);
        return new Run(digests, sent.sent(), sent.failed(), outbox.unsent());
    }
}
