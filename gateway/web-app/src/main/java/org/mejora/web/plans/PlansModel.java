package org.mejora.web.plans;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;
import java.util.Locale;

/** What every plans screen formats with: {@code fmt}, dates in the user's language and the institution's zone. */
@ControllerAdvice(basePackageClasses = PlansModel.class)
class PlansModel {

    private final Clock clock;

    PlansModel(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("fmt")
    PlanFormats formats(Locale locale) {
        return new PlanFormats(locale, clock.getZone());
    }
}
