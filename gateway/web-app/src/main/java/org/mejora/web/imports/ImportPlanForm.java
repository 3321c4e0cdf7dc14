package org.mejora.web.imports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Screen 3: a plan from a spreadsheet (GEM-FM014 of seed 001, the CAF plan of seed 003). plan-service takes the file
 * whole or not at all; a rejected file comes back with every cell it could not read, beside the form for the
 * corrected file, and a clean one opens the new plan. "Ver antes de importar" shows what the file would become
 * (plan-service's dry run) with its warnings, and imports it on confirmation.
 */
@Controller
class ImportPlanForm {

    static final List<String> KINDS = List.of("AUDIT", "CAF_SELF_ASSESSMENT", "EVALUATION_DIAGNOSTIC");

    private final Gateway gateway;
    private final MessageSource messages;

    ImportPlanForm(Gateway gateway, MessageSource messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @ModelAttribute("kinds")
    List<String> kinds() {
        return KINDS;
    }

    @GetMapping("/imports/new")
    String form(Model model) {
        model.addAttribute("form", PlanImport.blank());
        return "imports/new";
    }

    /** Imports the file, or with {@code preview} shows what it would import and keeps it for "Importar". */
    @PostMapping("/imports/new")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(value = "preview", defaultValue = "false") boolean preview,
                  @ModelAttribute("form") PlanImport form, Locale locale, Model model, HttpSession session) {
        try {
            UploadedFile upload = UploadedFile.of(file, messages.getMessage("insights.import.no-file.title", null, locale),
                    messages.getMessage("insights.import.no-file", null, locale));
            if (preview) {
                Map<String, Object> body = gateway.upload(uri(upload, form, true), upload.content(), upload.type());
                model.addAttribute("preview", ImportPreview.of(body));
                model.addAttribute("pending", PendingImport.keep(session, upload, form));
                return "imports/new";
            }
            return imported(upload, form);
        } catch (ApiProblem problem) {
            return rejected(problem, file == null ? null : file.getOriginalFilename(), model);
        }
    }

    /** "Importar" after a preview: the very file shown, kept in the session. */
    @PostMapping("/imports/new/confirmation")
    String confirm(@RequestParam String token, Locale locale, Model model, HttpSession session) {
        PendingImport pending = PendingImport.take(session, token);
        if (pending == null) {
            model.addAttribute("form", PlanImport.blank());
            model.addAttribute("problem", new ApiProblem(409, Map.of(
                    "title", messages.getMessage("insights.import.preview.gone.title", null, locale),
                    "detail", messages.getMessage("insights.import.preview.gone", null, locale))));
            return "imports/new";
        }
        model.addAttribute("form", pending.form());
        try {
            return imported(pending.file(), pending.form());
        } catch (ApiProblem problem) {
            return rejected(problem, pending.name(), model);
        }
    }

    private String imported(UploadedFile upload, PlanImport form) {
        Map<String, Object> created = gateway.upload(uri(upload, form, false), upload.content(), upload.type());
        return "redirect:/plans/" + created.get("planId");
    }

    private static String uri(UploadedFile upload, PlanImport form, boolean dryRun) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("fileName", upload.name());
        query.put("kind", form.kind());
        query.put("title", form.title());
        query.put("period", form.period());
        if (dryRun) {
            query.put("dryRun", "true");
        }
        return Gateway.uri("/api/plans/imports", query);
    }

    private static String rejected(ApiProblem problem, String fileName, Model model) {
        if (problem.status() == 401 || problem.status() == 403) {
            throw problem;
        }
        model.addAttribute("problem", problem);
        model.addAttribute("cells", RejectedCell.of(problem));
        model.addAttribute("fileName", fileName);
        return "imports/new";
    }
}
