package org.mejora.web.imports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.mejora.web.config.CurrentUser;
import org.mejora.web.reports.PlanOwner;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.Locale;
import java.util.Map;

/**
 * The follow-up sheet ("SEGUIMIENTO AVANCES" of seed 003) of a plan in execution: each marked percentage becomes a
 * follow-up with the file, sheet and row as its evidence. Rows that do not match the plan's actions reject the file
 * whole, cell by cell, like a plan import.
 */
@Controller
class FollowUpImportForm {

    private final Gateway gateway;
    private final MessageSource messages;

    FollowUpImportForm(Gateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId}/follow-up-import")
    String form(@PathVariable String planId, @RequestParam(required = false) Integer rows,
                @RequestParam(required = false) Integer recorded, @ModelAttribute("me") CurrentUser me, Model model) {
        show(planId, me, model);
        model.addAttribute("rows", rows);
        model.addAttribute("recorded", recorded);
        return "imports/follow-up";
    }

    /** Records the sheet's progress, or with {@code preview} shows what it would record and keeps it. */
    @PostMapping("/plans/{planId}/follow-up-import")
    String upload(@PathVariable String planId, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "preview", defaultValue = "false") boolean preview,
                  @ModelAttribute("me") CurrentUser me, Locale locale, Model model, HttpSession session) {
        try {
            UploadedFile upload = UploadedFile.of(file, messages.getMessage("insights.import.no-file.title", null, locale),
                    messages.getMessage("insights.import.no-file", null, locale));
            if (preview) {
                Map<String, Object> body = gateway.upload(
                        "/api/plans/{id}/follow-up-imports?fileName={name}&dryRun=true", upload.content(),
                        upload.type(), planId, upload.name());
                show(planId, me, model);
                model.addAttribute("preview", ImportPreview.of(body));
                model.addAttribute("pending", PendingImport.keep(session, upload, null));
                return "imports/follow-up";
            }
            return recorded(planId, upload);
        } catch (ApiProblem problem) {
            return rejected(planId, problem, file == null ? null : file.getOriginalFilename(), me, model);
        }
    }

    /** "Importar" after a preview: the very sheet shown, kept in the session. */
    @PostMapping("/plans/{planId}/follow-up-import/confirmation")
    String confirm(@PathVariable String planId, @RequestParam String token, @ModelAttribute("me") CurrentUser me,
                   Locale locale, Model model, HttpSession session) {
        PendingImport pending = PendingImport.take(session, token);
        if (pending == null) {
            show(planId, me, model);
            model.addAttribute("problem", new ApiProblem(409, Map.of(
                    "title", messages.getMessage("insights.import.preview.gone.title", null, locale),
                    "detail", messages.getMessage("insights.import.preview.gone", null, locale))));
            return "imports/follow-up";
        }
        try {
            return recorded(planId, pending.file());
        } catch (ApiProblem problem) {
            return rejected(planId, problem, pending.name(), me, model);
        }
    }

    private String recorded(String planId, UploadedFile upload) {
        Map<String, Object> result = gateway.upload("/api/plans/{id}/follow-up-imports?fileName={name}",
                upload.content(), upload.type(), planId, upload.name());
        return "redirect:/plans/" + planId + "/follow-up-import?rows=" + result.get("rows") + "&recorded="
                + result.get("progressRecorded");
    }

    private String rejected(String planId, ApiProblem problem, String fileName, CurrentUser me, Model model) {
        if (problem.status() == 401 || problem.status() == 403 || problem.status() == 404) {
            throw problem;
        }
        show(planId, me, model);
        model.addAttribute("problem", problem);
        model.addAttribute("cells", RejectedCell.of(problem));
        model.addAttribute("fileName", fileName);
        return "imports/follow-up";
    }

    private void show(String planId, CurrentUser me, Model model) {
        Map<String, Object> plan = gateway.get("/api/plans/{id}", planId);
        model.addAttribute("plan", plan);
        model.addAttribute("inExecution", "IN_EXECUTION".equals(plan.get("status")));
        model.addAttribute("mayFollowUp", PlanOwner.is(me, plan));
    }
}
