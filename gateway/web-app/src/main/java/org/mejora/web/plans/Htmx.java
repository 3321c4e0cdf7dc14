package org.mejora.web.plans;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;

/**
 * htmx asks for a form as a fragment to swap into the plan page; a browser without JavaScript gets the page around
 * it. The same URL answers both, so responses vary on the header.
 */
final class Htmx {

    private Htmx() {
    }

    static boolean asked(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The view for this request; {@code htmx} in the model tells the template whether to add its hx- attributes. */
    static String view(HttpServletRequest request, HttpServletResponse response, Model model, String page,
                       String fragment) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean htmx = asked(request);
        model.addAttribute("htmx", htmx);
        return htmx ? page + " :: " + fragment : page;
    }
}
