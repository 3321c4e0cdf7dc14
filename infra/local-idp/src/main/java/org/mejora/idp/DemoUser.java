package org.mejora.idp;

import java.util.List;

/** One person of the local sign-in, with the claims the gateway reads. */
record DemoUser(String username, String institution, List<String> roles, String name) {
}
