package org.mejora.web.imports;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
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
 * corrected file, and a clean one opens the new plan.
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

    @PostMapping("/imports/new")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                  @ModelAttribute("form") PlanImport form, Locale locale, Model model) {
        try {
            UploadedFile upload = UploadedFile.of(file, messages.getMessage("insights.import.no-file.title", null, locale),
                    messages.getMessage("insights.import.no-file", null, locale));
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("fileName", upload.name());
            query.put("kind", form.kind());
            query.put("title", form.title());
            query.put("period", form.period());
            Map<String, Object> created = gateway.upload(Gateway.uri("/api/plans/imports", query), upload.content(),
                    upload.type());
            return "redirect:/plans/" + created.get("planId");
        } catch (ApiProblem problem) {
            if (problem.status() == 401 || problem.status() == 403) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("cells", RejectedCell.of(problem));
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            return "imports/new";
        }
    }
}
