package org.mejora.web.evaluations;

import org.mejora.web.api.ApiProblem;
import org.mejora.web.api.Gateway;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cycle for HR and auditors: its terms, its stages (HR closes them), who evaluates whom (HR assigns by form or by
 * CSV, all rows or none, every bad row named), each servant's step against its deadline, and the consolidations.
 */
@Controller
class CyclePage {

    static final String VIEW = "evaluations/cycle";

    private final Gateway gateway;
    private final StageDeadlines deadlines;
    private final MyEvaluations evaluations;

    CyclePage(Gateway gateway, StageDeadlines deadlines, MyEvaluations evaluations) {
        this.gateway = gateway;
        this.deadlines = deadlines;
        this.evaluations = evaluations;
    }

    @GetMapping("/evaluations/cycles")
    String cycles(Model model) {
        model.addAttribute("cycles", CycleSummary.all(gateway.list("/api/cycles")));
        return "evaluations/cycles";
    }

    @GetMapping("/evaluations/cycles/{cycleId}")
    String cycle(@PathVariable String cycleId, Model model) {
        return show(cycleId, model, AssignmentsInput.empty());
    }

    @PostMapping("/evaluations/cycles/{cycleId}/assignments")
    String assign(@PathVariable String cycleId, AssignmentsInput form, Model model, RedirectAttributes redirect) {
        Map<String, Object> assigned;
        try {
            assigned = gateway.post("/api/cycles/{id}/assignments", form.json(), cycleId);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("rowMessages", rowMessages(problem));
            return show(cycleId, model, form.filled().isEmpty() ? AssignmentsInput.empty() : form.filled());
        }
        return assigned(cycleId, assigned, redirect);
    }

    @PostMapping("/evaluations/cycles/{cycleId}/assignments/rows")
    String addRow(@PathVariable String cycleId, AssignmentsInput form, Model model) {
        return show(cycleId, model, form.withOneMore());
    }

    /** The CSV {@code servantId,servantName,supervisorId,supervisorName}, with or without its header line. */
    @PostMapping("/evaluations/cycles/{cycleId}/assignments/csv")
    String upload(@PathVariable String cycleId, @RequestParam("file") MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        Map<String, Object> assigned;
        try {
            assigned = gateway.upload("/api/cycles/{id}/assignments", file.getBytes(),
                    MediaType.parseMediaType("text/csv;charset=UTF-8"), cycleId);
        } catch (ApiProblem problem) {
            if (!EvaluationScreen.belongsToForm(problem)) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("csvMessages", rowMessages(problem));
            model.addAttribute("csvName", file.getOriginalFilename());
            return show(cycleId, model, AssignmentsInput.empty());
        }
        return assigned(cycleId, assigned, redirect);
    }

    @PostMapping("/evaluations/cycles/{cycleId}/stages/{stage}/close")
    String closeStage(@PathVariable String cycleId, @PathVariable String stage,
                      @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", Values.blankToNull(reason));
        gateway.post("/api/cycles/{id}/stages/{stage}/close", body, cycleId, stage);
        redirect.addFlashAttribute("notice", "eval.notice.stage-closed");
        return "redirect:/evaluations/cycles/" + cycleId + "#stages";
    }

    private static String assigned(String cycleId, Map<String, Object> assigned, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "eval.notice.assigned");
        redirect.addFlashAttribute("noticeCount", assigned.get("assigned"));
        return "redirect:/evaluations/cycles/" + cycleId + "#evaluations";
    }

    /** The API's row problems by row number (from 1), several of one row joined. */
    private static Map<Integer, String> rowMessages(ApiProblem problem) {
        Map<Integer, String> byRow = new TreeMap<>();
        for (Map<String, Object> error : problem.errors()) {
            if (error.get("row") instanceof Number row) {
                byRow.merge(row.intValue(), String.valueOf(error.get("message")), (a, b) -> a + " " + b);
            }
        }
        return byRow;
    }

    private String show(String cycleId, Model model, List<AssignmentsInput.Row> rows) {
        Map<String, Object> cycle = gateway.get("/api/cycles/{id}", cycleId);
        Deadlines cycleDeadlines = deadlines.ofCycle(cycle);
        model.addAttribute("cycle", CycleSummary.of(cycle));
        model.addAttribute("deadlines", cycleDeadlines);
        model.addAttribute("evaluations", evaluations.ofCycle(cycleId, cycleDeadlines));
        model.addAttribute("assignmentRows", rows);
        return VIEW;
    }
}
