package org.mejora.plan.plan.intake;

/**
 * A record that no retry can ever apply: its bytes are no envelope, or its payload is not the event its type names.
 * The error handler sends it to the dead-letter topic at once instead of retrying it.
 */
public class UnreadableRecord extends RuntimeException {

    public UnreadableRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
