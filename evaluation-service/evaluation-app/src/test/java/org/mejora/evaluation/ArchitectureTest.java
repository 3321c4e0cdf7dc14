package org.mejora.evaluation;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command side keeps the rules and knows nothing of the web, the read models or Spring. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mejora.evaluation");

    @Test
    void theCommandSideDoesNotDependOnTheQuerySideNorTheWeb() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("..query..", "..web..")
                .check(classes);
    }

    @Test
    void theCommandSideIsFreeOfSpring() {
        noClasses().that().resideInAPackage("..command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void theRulesDependOnNothingElseOfTheService() {
        noClasses().that().resideInAPackage("org.mejora.evaluation.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mejora.evaluation.cycle..",
                        "org.mejora.evaluation.evaluation..", "org.mejora.evaluation.web..")
                .check(classes);
    }
}
