package org.mejora.envelope.axon;

import java.util.UUID;

/**
 * This running instance of a service, as its database sees it: the application name of its connections and the
 * owner of its token claims. Two instances of plan-service (even two in one JVM, as in the tests) never share it.
 */
public final class ServiceInstance {

    private final String service;
    private final String id;

    public ServiceInstance(String service) {
        this.service = service;
        // Short: PostgreSQL keeps 63 bytes of an application name.
        this.id = service + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    /** The LIKE pattern of every instance's id of this service. */
    String everyInstance() {
        return service.replace("%", "\\%").replace("_", "\\_") + "#%";
    }
}
