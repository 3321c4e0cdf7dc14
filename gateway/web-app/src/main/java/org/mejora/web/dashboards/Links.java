package org.mejora.web.dashboards;

import org.mejora.web.api.Gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a bar or slice leads. Users who read plans open the list of the actions behind it; the others (OVERSIGHT,
 * another institution's dashboard) have no such list, and only the overdue and due-soon bars lead somewhere: to the
 * lists on the dashboard itself.
 */
record Links(String planId, boolean lists) {

    String list(String filter, Object value) {
        if (!lists) {
            return null;
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("planId", planId);
        query.put(filter, value);
        return Gateway.uri("/dashboards/actions", query);
    }

    String due(String which) {
        return lists ? list("due", which) : "#" + ("overdue".equals(which) ? "overdue" : "due-soon");
    }
}
