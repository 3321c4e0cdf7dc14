package org.mejora.plan.plan.query;

import org.mejora.plan.api.ActionTask;
import org.mejora.plan.api.FindingSource;
import org.mejora.plan.api.FollowUpReportLine;
import org.mejora.plan.api.IndividualPlanLink;
import org.mejora.plan.api.Signature;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the API shows it. Mutable on purpose: the projection reads the stored document, applies one event and
 * writes it back.
 */
public class PlanView {
    public String planId;
    public String institutionId;
    public String kind;
    public String status;
    public String title;
    public String institutionName;
    public String auditedProcess;
    public String procedures;
    public String responsible;
    public LocalDate subscriptionDate;
    public String formatCode;
    public String formatVersion;
    public String period;
    public IndividualPlanLink individual;
    /** One person may sign elaboration, review and approval: the institution's ADMIN decided so at its creation. */
    public boolean separationOfDutiesRelaxed;
    public Signature submittedBy;
    public Signature reviewedBy;
    public String reviewObservations;
    public Signature approvedBy;
    public Signature executionStartedBy;
    public Signature closedBy;
    public List<Rejection> rejections = new ArrayList<>();
    public List<FindingView> findings = new ArrayList<>();
    public List<ReportView> reports = new ArrayList<>();
    public long version;
    public Instant createdAt;
    public String createdBy;

    /** "Revisa" sent the plan back to DRAFT. */
    public static class Rejection {
        public Signature reviewer;
        public String reason;
    }

    public static class FindingView {
        public String findingId;
        public String number;
        public String description;
        public FindingSource source;
        public String improvementArea;
        public boolean closed;
        public List<ActionView> actions = new ArrayList<>();
    }

    public static class ActionView {
        public String actionId;
        public String findingId;
        public String number;
        public String name;
        public String description;
        public String objective;
        public List<ActionTask> tasks = new ArrayList<>();
        public String goalIndicator;
        public String resources;
        public String responsibleUnit;
        public String responsibleRole;
        public String technicalDirection;
        public String start;
        public String end;
        /** The last day of the end period: overdue is decided against it when the plan is read. */
        public LocalDate dueDate;
        public Integer scheduledMonths;
        public String comments;
        public String status = "PLANNED";
        public int percent;
        public String evidence;
        public Boolean compliant;
        public Boolean effective;
        public String verificationObservations;
        public Signature verifiedBy;
        public String justification;
        public boolean overdue;
        public List<FollowUpView> followUps = new ArrayList<>();
        /** Every evidence file shown for the action, by its follow-ups and verifications, in order. */
        public List<org.mejora.plan.api.EvidenceFile> files = new ArrayList<>();
        /** Who is responsible for the action, by user id (ActionResponsiblesAssigned): its reminders go to them. */
        public List<String> responsibles = new ArrayList<>();
    }

    /** One entry of an action's history of follow-ups, with who recorded it and when. */
    public static class FollowUpView {
        public String type;
        public Integer percent;
        public String evidence;
        public String comment;
        public String reason;
        public Boolean compliant;
        public Boolean effective;
        public LocalDate date;
        public String by;
        public String role;
        public Instant at;
        public List<org.mejora.plan.api.EvidenceFile> files = new ArrayList<>();
    }

    public static class ReportView {
        public String reportId;
        public String period;
        public String antecedents;
        public String legalBase;
        public String objective;
        public String conclusions;
        public String recommendations;
        public String preparedBy;
        public String status = "DRAFT";
        public Signature signedBy;
        /** The actions table: as the actions stand while the report is a draft, frozen when it is submitted. */
        public List<FollowUpReportLine> actions = new ArrayList<>();
    }
}
