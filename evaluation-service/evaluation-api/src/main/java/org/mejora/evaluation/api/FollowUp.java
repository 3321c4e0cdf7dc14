package org.mejora.evaluation.api;

/** The two follow-ups (seguimientos) in which the servant self-evaluates the compliance of each goal. */
public enum FollowUp {
    I, II;

    public Stage stage() {
        return this == I ? Stage.SELF_EVALUATION_I : Stage.SELF_EVALUATION_II;
    }
}
