package org.mejora.web.history;

import org.springframework.ui.Model;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The moment a time-travel page asks for, from its picker or a link; the picker shows it back, or now. */
final class TimeTravel {

    private TimeTravel() {
    }

    /** The instant asked for, or null (none yet, or unreadable: then {@code atError} says so beside the picker). */
    static Instant moment(String at, Moments moments, Words words, Model model) {
        Instant moment = null;
        try {
            moment = moments.parse(at);
        } catch (DateTimeParseException unreadable) {
            model.addAttribute("atError", words.message("history.as-of.unreadable", "?"));
        }
        Instant shown = moment == null ? moments.now() : moment;
        model.addAttribute("moment", moment == null ? null
                : new AsOf.Moment(moments.pickerValue(moment), moments.format(moment), moment.toString()));
        model.addAttribute("pickerValue", moments.pickerValue(shown));
        model.addAttribute("pickerMax", moments.pickerValue(moments.now()));
        model.addAttribute("zone", moments.zone().getId());
        return moment;
    }
}
