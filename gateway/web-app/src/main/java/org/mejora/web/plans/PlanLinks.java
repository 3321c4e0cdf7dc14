package org.mejora.web.plans;

import org.springframework.web.util.UriComponentsBuilder;

/** Where a form goes after a save: the plan page, saying what was saved and where (its anchor). */
final class PlanLinks {

    private PlanLinks() {
    }

    /**
     * @param saved what the notice on the plan page says was saved ({@code plans.saved.<saved>})
     * @param item  the id of the element saved: the anchor without JavaScript, the element focused after an htmx save
     */
    static String afterSave(String planId, String saved, String item) {
        return "redirect:" + UriComponentsBuilder.fromPath("/plans/{planId}")
                .queryParam("saved", saved)
                .queryParam("item", item)
                .fragment(item)
                .buildAndExpand(planId).encode().toUriString();
    }
}
