package org.mejora.idp;

import java.util.List;

/**
 * One person of the local sign-in, with the claims the gateway and the services read; {@code position} (cargo,
 * printed under their signature) may be null.
 */
record DemoUser(String username, String institution, List<String> roles, String name, String position) {
}
