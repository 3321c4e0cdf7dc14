package org.mejora.reporting.notification;

/** The kinds of notification; an urgent one is mailed at once, the others wait for the day's digest. */
enum Kind {
    ACTION_DUE_SOON(false),
    ACTION_OVERDUE(true),
    VERIFICATION_WAITING(false),
    EVALUATION_STEP_DUE_SOON(false),
    EVALUATION_STEP_OVERDUE(true),
    /** HR's line of a late evaluation step: always by digest. */
    EVALUATION_STEP_LATE(false);

    private final boolean urgent;

    Kind(boolean urgent) {
        this.urgent = urgent;
    }

    boolean urgent() {
        return urgent;
    }
}
