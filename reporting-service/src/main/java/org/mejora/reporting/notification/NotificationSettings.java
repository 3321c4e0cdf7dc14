package org.mejora.reporting.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How reminders are delivered.
 *
 * @param publicUrl     where people open the web app (the gateway), the base of every link in a mail
 * @param from          the sender of every mail
 * @param digestHour    the hour of the institutions' day at which each person's pending reminders go out in one mail
 * @param staleAfter    facts older than this when first read (a new installation reading the whole history) are
 *                      shown in the app but not mailed
 * @param sendInterval  how often the outbox is looked at
 * @param retryFirst    the first wait after a failed send; it doubles up to {@code retryMax}
 * @param retryMax      the longest wait between two attempts
 * @param consumerGroup the Kafka consumer group of the notifications consumer (its offsets live in the database)
 */
@ConfigurationProperties("mejora.notifications")
public record NotificationSettings(String publicUrl, String from, int digestHour, Duration staleAfter,
                                   Duration sendInterval, Duration retryFirst, Duration retryMax,
                                   String consumerGroup, @DefaultValue("true") boolean enabled) {
}
