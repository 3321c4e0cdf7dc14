package org.mejora.envelope;

/**
 * Who caused an event: the user, the role under which they acted, and the name with which they sign.
 */
public record Actor(String userId, String role, String name) {
}
