package org.mejora.web.actions;

import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The follow-up steps of an action, each posted with the plan version the user saw (If-Match). Done, the browser
 * goes back to the action page (htmx follows the redirect and swaps the page's main part); refused, the page comes
 * back with the API's problem beside the field it names and the user's input kept, and a stale version offers the
 * current one. Forbidden and unknown become the error pages.
 *
 * <p>A value the form could not even read (a malformed date) is left out ({@code BindingResult}) for the API to
 * ask for.
 */
@Controller
@RequestMapping("/plans/{planId}/actions/{actionId}")
class ActionFollowUpForms {

    private final Gateway gateway;
    private final ActionPage page;

    ActionFollowUpForms(Gateway gateway, ActionPage page) {
        this.gateway = gateway;
        this.page = page;
    }

    /** A progress, with the evidence file chosen uploaded first and named in the follow-up (its hash in the event). */
    @PostMapping("/progress")
    String progress(@PathVariable String planId, @PathVariable String actionId,
                    @ModelAttribute("progress") FollowUpForms.Progress form, BindingResult unread,
                    @RequestParam(value = "file", required = false) MultipartFile file,
                    @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                    Model model, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        return sendWith(new Step(planId, actionId, "progress", version, me, model, request, response, redirect), () -> {
            Map<String, Object> body = body("percent", form.percent(), "evidence", form.evidence(),
                    "comment", form.comment(), "reason", form.reason(), "date", form.date());
            if (file != null && !file.isEmpty()) {
                body.put("files", List.of(Map.of("fileId", upload(planId, file))));
            }
            return body;
        });
    }

    private String upload(String planId, MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                    ? "evidencia" : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
            Map<String, Object> stored = gateway.upload("/api/plans/{id}/evidence-files?fileName={name}",
                    file.getBytes(), MediaType.APPLICATION_OCTET_STREAM, planId, name);
            return String.valueOf(stored.get("fileId"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/implementation")
    String implementation(@PathVariable String planId, @PathVariable String actionId,
                          @ModelAttribute("implementation") FollowUpForms.Implementation form, BindingResult unread,
                          @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                          Model model, HttpServletRequest request, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "implementation", version, me, model, request, response, redirect),
                body("evidence", form.evidence(), "comment", form.comment(), "date", form.date()));
    }

    @PostMapping("/verification")
    String verification(@PathVariable String planId, @PathVariable String actionId,
                        @ModelAttribute("verification") FollowUpForms.Verification form, BindingResult unread,
                        @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                        Model model, HttpServletRequest request, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "verification", version, me, model, request, response, redirect),
                body("compliant", form.compliant(), "effective", form.effective(),
                        "observations", form.observations()));
    }

    @PostMapping("/closure")
    String closure(@PathVariable String planId, @PathVariable String actionId,
                   @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                   Model model, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "closure", version, me, model, request, response, redirect), null);
    }

    @PostMapping("/reopening")
    String reopening(@PathVariable String planId, @PathVariable String actionId,
                     @ModelAttribute("reopening") FollowUpForms.Reason form, BindingResult unread,
                     @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                     Model model, HttpServletRequest request, HttpServletResponse response,
                     RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "reopening", version, me, model, request, response, redirect),
                body("reason", form.reason()));
    }

    @PostMapping("/non-implementation")
    String nonImplementation(@PathVariable String planId, @PathVariable String actionId,
                             @ModelAttribute("nonImplementation") FollowUpForms.Justification form,
                             BindingResult unread, @RequestParam(required = false) String version,
                             @ModelAttribute("me") CurrentUser me, Model model, HttpServletRequest request,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "non-implementation", version, me, model, request, response,
                redirect), body("justification", form.justification()));
    }

    @PostMapping("/cancellation")
    String cancellation(@PathVariable String planId, @PathVariable String actionId,
                        @ModelAttribute("cancellation") FollowUpForms.Justification form, BindingResult unread,
                        @RequestParam(required = false) String version, @ModelAttribute("me") CurrentUser me,
                        Model model, HttpServletRequest request, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return send(new Step(planId, actionId, "cancellation", version, me, model, request, response, redirect),
                body("justification", form.justification()));
    }

    private String send(Step step, Map<String, Object> body) {
        return sendWith(step, () -> body);
    }

    /** The body is built inside, so that a refused upload shows on the form like a refused step. */
    private String sendWith(Step step, Supplier<Map<String, Object>> body) {
        try {
            gateway.send(HttpMethod.POST, "/api/plans/{id}/actions/{actionId}/" + step.name(), body.get(),
                    step.version() == null || step.version().isBlank() ? null : step.version(),
                    step.planId(), step.actionId());
        } catch (ApiProblem problem) {
            if (!problem.isShownOnItsForm()) {
                throw problem;
            }
            page.render(step.model(), step.planId(), step.actionId(), step.me());
            step.model().addAttribute("problem", problem);
            step.model().addAttribute("failed", step.name());
            // Reload and the language switch lead to the page, not to this form's address.
            step.model().addAttribute("requestPath", "/plans/" + step.planId() + "/actions/" + step.actionId());
            if ("true".equals(step.request().getHeader("HX-Request"))) {
                // htmx swaps only successful answers; and it should scroll to the form that was refused.
                step.response().setHeader("HX-Reswap", "outerHTML show:#" + step.name() + "-form:top");
            } else {
                step.response().setStatus(problem.status());
            }
            return "actions/action";
        }
        step.redirect().addFlashAttribute("done", step.name());
        return "redirect:/plans/{planId}/actions/{actionId}";
    }

    /** The JSON body; blank text is no text, so the API asks for what it requires. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value instanceof String text) {
                value = text.isBlank() ? null : text.strip();
            } else if (value instanceof java.time.LocalDate day) {
                value = day.toString();
            }
            body.put((String) namesAndValues[i], value);
        }
        return body;
    }

    /** One follow-up step as this request asks for it. */
    private record Step(String planId, String actionId, String name, String version, CurrentUser me, Model model,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
    }
}
